/**
 * Regression work cut into units a worker reads for itself: a case file, a letter, or a byte range
 * of a JSON Lines file (whole lines, with the number of the first). The main thread only lists
 * files and finds line boundaries; reading, parsing and evaluating happen where the unit runs.
 * Units are grouped into batches by estimated work (bytes, weighted by kind), not by count, so a
 * batch of large letters and a batch of small cases take about as long.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { displayPath } from '../ruleset/files.js';
import type { InputRecord } from './inputs.js';

export type WorkUnit =
  | { kind: 'yaml'; path: string; shown: string; cost: number }
  | { kind: 'letter'; path: string; shown: string; cost: number }
  | { kind: 'jsonl'; path: string; shown: string; cost: number; start: number; end: number; firstLine: number };

/**
 * Work per byte, relative to a byte of JSON Lines: a letter is imported through the whole NLP
 * pipeline (a PDF's bytes are mostly layout, so less per byte), a case file is parsed and evaluated.
 */
const COST_PER_BYTE = { jsonl: 1, yaml: 1.5, txt: 6, pdf: 2.5 };

export const isLetterFile = (f: string) => /\.(txt|pdf)$/i.test(f);

/** JSON Lines files are read in blocks of this size to find line boundaries. */
const SCAN_BLOCK = 1 << 20;

/** The estimated work of a whole input file of `size` bytes. */
export function fileCost(path: string, size: number): number {
  const perByte = isLetterFile(path) ? (/\.pdf$/i.test(path) ? COST_PER_BYTE.pdf : COST_PER_BYTE.txt) : path.endsWith('.jsonl') ? COST_PER_BYTE.jsonl : COST_PER_BYTE.yaml;
  return size * perByte;
}

/** The units of every input file, in input order; JSON Lines files in ranges of about `rangeBytes`. */
export function* workUnits(files: readonly string[], rangeBytes: number): Generator<WorkUnit> {
  for (const path of files) {
    const shown = displayPath(path);
    const size = statSync(path).size;
    if (path.endsWith('.jsonl')) yield* jsonlRanges(path, shown, size, rangeBytes);
    else yield { kind: isLetterFile(path) ? 'letter' : 'yaml', path, shown, cost: fileCost(path, size) };
  }
}

/**
 * A JSON Lines file in ranges of whole lines. Lines end as Node's readline ends them (\n, \r\n or
 * a lone \r), so line numbers match what a line-by-line reader reports.
 */
function* jsonlRanges(path: string, shown: string, size: number, rangeBytes: number): Generator<WorkUnit> {
  const fd = openSync(path, 'r');
  try {
    const block = Buffer.allocUnsafe(SCAN_BLOCK);
    let start = 0;
    let line = 1;
    let lines = 0;
    let pos = 0;
    while (pos < size) {
      const n = readSync(fd, block, 0, Math.min(SCAN_BLOCK, size - pos), pos);
      if (n === 0) break;
      const bytes = block.subarray(0, n);
      // Lone \r line ends are rare: look for them only in a block that has a \r at all.
      const crs = bytes.indexOf(0x0d) >= 0;
      const loneCRs = (from: number, to: number) => {
        let k = 0;
        for (let i = from; i < to; i++) if (bytes[i] === 0x0d && (i + 1 < n ? bytes[i + 1] !== 0x0a : !nextIsLF(fd, pos + n, size))) k++;
        return k;
      };
      let from = 0;
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
        if (crs) lines += loneCRs(from, i);
        lines++;
        from = i + 1;
        const at = pos + from;
        if (at - start >= rangeBytes) {
          yield { kind: 'jsonl', path, shown, cost: (at - start) * COST_PER_BYTE.jsonl, start, end: at, firstLine: line };
          start = at;
          line += lines;
          lines = 0;
        }
      }
      if (crs) lines += loneCRs(from, n);
      pos += n;
    }
    if (start < size) yield { kind: 'jsonl', path, shown, cost: (size - start) * COST_PER_BYTE.jsonl, start, end: size, firstLine: line };
  } finally {
    closeSync(fd);
  }
}

/** Whether the byte at `at` (the first of the next block) is a \n. */
function nextIsLF(fd: number, at: number, size: number): boolean {
  if (at >= size) return false;
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, at);
  return one[0] === 0x0a;
}

/** The records of one unit: read where the unit runs. */
export function* unitRecords(unit: WorkUnit): Generator<InputRecord> {
  if (unit.kind !== 'jsonl') {
    yield { kind: unit.kind, path: unit.path, shown: unit.shown };
    return;
  }
  const fd = openSync(unit.path, 'r');
  let text: string;
  try {
    const buf = Buffer.allocUnsafe(unit.end - unit.start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, unit.start + got);
      if (n === 0) break;
      got += n;
    }
    text = buf.toString('utf8', 0, got);
  } finally {
    closeSync(fd);
  }
  let line = unit.firstLine;
  for (const content of text.split(/\r?\n|\r(?!\n)/)) {
    if (content.trim() !== '') yield { kind: 'jsonl', shown: unit.shown, line, text: content };
    line++;
  }
}

/** Units grouped, in input order, into batches of about `target` work (a larger unit alone). */
export function* batchesOf(units: Iterable<WorkUnit>, target: number): Generator<WorkUnit[]> {
  let batch: WorkUnit[] = [];
  let cost = 0;
  for (const u of units) {
    if (batch.length > 0 && cost + u.cost > target) {
      yield batch;
      batch = [];
      cost = 0;
    }
    batch.push(u);
    cost += u.cost;
  }
  if (batch.length > 0) yield batch;
}
