/**
 * Layout text of a PDF with pdfjs-dist (legacy build, for Node 20), close to `pdftotext -layout`:
 * one line per baseline, runs in x order, wide gaps kept as 2+ spaces, vertical gaps as blank lines,
 * every page ended by a form feed. After normalisation it equals the pdftotext text of every
 * letter in the shared corpus.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// require.resolve, not import.meta.resolve: vitest's module runner lacks the latter.
const pdfjsPath = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs');
const pkgDir = join(dirname(pdfjsPath), '..', '..');
// Read from disk by pdfjs in Node (paths must end with a separator): nothing touches the network.
const standardFontDataUrl = join(pkgDir, 'standard_fonts') + sep;
const cMapUrl = join(pkgDir, 'cmaps') + sep;

/**
 * pdf.mjs runs `new DOMMatrix()` at load; Node 20 has none and pdfjs polyfills it only from the
 * optional @napi-rs/canvas. Text extraction never uses these classes, so inert stand-ins do when
 * canvas cannot load, and pdfjs's one import-time warning about it is dropped.
 */
function canvasLoads(): boolean {
  try {
    createRequire(pdfjsPath)('@napi-rs/canvas');
    return true;
  } catch {
    return false;
  }
}

let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= (async () => {
    if (canvasLoads()) return import('pdfjs-dist/legacy/build/pdf.mjs');
    const g = globalThis as Record<string, unknown>;
    for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) g[name] ??= class {};
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (!String(args[0]).includes('Cannot load "@napi-rs/canvas"')) warn(...args);
    };
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.warn = warn;
    }
  })());
}

/** A text run: its string, baseline start (x, y), advance width and font size. */
interface Run { str: string; x: number; y: number; width: number; size: number }
interface Line { y: number; size: number; runs: Run[] }

/** Groups runs into lines by baseline; bold header values sit ~0.12 pt below their labels. */
function linesOf(runs: Run[]): Line[] {
  // Sort by baseline, not stream order: the wrapped "Application / Received:" label is drawn
  // before the date that sits on its first line.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const r of runs) {
    const last = lines.at(-1);
    if (last && last.y - r.y < 0.3 * Math.max(last.size, r.size)) last.runs.push(r);
    else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  return lines;
}

function layoutPage(runs: Run[]): string {
  const lines = linesOf(runs);
  if (lines.length === 0) return '';
  // One character column is about the page's mean glyph advance (pdftotext's is ~4% narrower),
  // counted from the leftmost run; wide gaps (header columns, redactions) pad to their column.
  const left = Math.min(...runs.map((r) => r.x));
  const cell = (0.96 * runs.reduce((w, r) => w + r.width, 0)) / runs.reduce((n, r) => n + r.str.length, 0);
  const out: string[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    if (prev) {
      // About one blank line per skipped line pitch (1.15 x size); 0.7 matches pdftotext's choice.
      const skipped = Math.floor((prev.y - line.y) / (1.15 * Math.max(prev.size, line.size)) - 0.7);
      for (let i = 0; i < skipped; i++) out.push('');
    }
    prev = line;
    line.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end = left;
    for (const r of line.runs) {
      const gap = r.x - end;
      const col = Math.round((r.x - left) / cell);
      if (text === '' || gap > 2 * cell) text += ' '.repeat(Math.max(text === '' ? 0 : 2, col - text.length));
      else if (gap > 0.15 * r.size && !text.endsWith(' ') && !r.str.startsWith(' ')) text += ' ';
      text += r.str;
      end = Math.max(end, r.x + r.width);
    }
    out.push(text.trimEnd());
  }
  return `${out.join('\n')}\n`;
}

/** The text of every page, each ended by a form feed as pdftotext does. */
export async function pdfToText(data: Uint8Array): Promise<string> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    // pdfjs detaches the buffer it gets and rejects a Node Buffer: hand it a plain copy.
    data: new Uint8Array(data),
    standardFontDataUrl,
    cMapUrl,
    cMapPacked: true,
    // The letters use non-embedded Arial/Times: skip loading substitute font programs (faster,
    // silent); text comes from encodings and /Widths either way.
    useSystemFonts: true,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const it of content.items) {
        // Spacing is recomputed from positions, so whitespace-only runs are dropped.
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a, b, , , x, y] = it.transform as [number, number, number, number, number, number];
        runs.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height });
      }
      pages.push(`${layoutPage(runs)}\f`);
      page.cleanup();
    }
    return pages.join('');
  } finally {
    await task.destroy();
  }
}
