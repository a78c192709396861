/**
 * Regression work cut into units a worker reads for itself: a case file, a letter, or a byte range
 * of a JSON Lines file (whole lines, with the number of the first). The main thread only lists
 * files and finds line boundaries; reading, parsing and evaluating happen where the unit runs.
 * Units are grouped into batches by estimated work (bytes, weighted by kind), not by count, so a
 * batch of large letters and a batch of small cases take about as long.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileDiagnostic, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fsDiagnostic, isFsError } from '../io/fs-errors.js';
import { decodeUtf8, maxInputBytes, tooLargeMessage } from '../io/read-input.js';
import { displayPath } from '../ruleset/files.js';
import type { InputRecord } from './inputs.js';

export type WorkUnit =
  | { kind: 'yaml'; path: string; shown: string; cost: number }
  | { kind: 'letter'; path: string; shown: string; cost: number }
  | { kind: 'jsonl'; path: string; shown: string; cost: number; start: number; end: number; firstLine: number }
  /** a file or line that cannot be read, met while cutting the work */
  | { kind: 'problem'; problem: Diagnostic; cost: number };

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
    if (!path.endsWith('.jsonl')) {
      let size = 0;
      try {
        size = statSync(path).size;
      } catch {
        // the reader names the problem when the unit runs
      }
      yield { kind: isLetterFile(path) ? 'letter' : 'yaml', path, shown, cost: fileCost(path, size) };
      continue;
    }
    try {
      yield* jsonlRanges(path, shown, rangeBytes);
    } catch (e) {
      if (!isFsError(e)) throw e;
      yield { kind: 'problem', problem: e.code === 'EISDIR' ? fileDiagnostic(shown, 'is-a-directory', 'is a directory, not a file') : fsDiagnostic(shown, e), cost: 0 };
    }
  }
}

/**
 * A JSON Lines file in ranges of whole lines (lines end at \n; a \r before it is dropped when the
 * line is read). A line over the input size limit is never read: it becomes a located problem of
 * its own between two ranges, so memory holds at most one range.
 */
function* jsonlRanges(path: string, shown: string, rangeBytes: number): Generator<WorkUnit> {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const max = maxInputBytes();
    const block = Buffer.allocUnsafe(SCAN_BLOCK);
    let start = 0; // of the range being gathered
    let firstLine = 1; // its first line
    let lineStart = 0;
    let line = 1; // the line that starts at lineStart
    const range = (end: number): WorkUnit => ({ kind: 'jsonl', path, shown, cost: (end - start) * COST_PER_BYTE.jsonl, start, end, firstLine });
    // Ends the line [lineStart, end), whose next line starts at `next`: yields what is then due.
    function* endLine(end: number, next: number): Generator<WorkUnit> {
      if (end - lineStart > max) {
        if (lineStart > start) yield range(lineStart);
        yield { kind: 'problem', problem: { file: shown, line, column: 1, code: 'too-large', message: `this line: ${tooLargeMessage(end - lineStart)}` }, cost: 0 };
        start = next;
        firstLine = line + 1;
      } else if (next - start >= rangeBytes) {
        yield range(next);
        start = next;
        firstLine = line + 1;
      }
      lineStart = next;
      line++;
    }
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, block, 0, Math.min(SCAN_BLOCK, size - pos), pos);
      if (n === 0) break;
      const bytes = block.subarray(0, n);
      for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) yield* endLine(pos + i, pos + i + 1);
      pos += n;
    }
    if (lineStart < size) yield* endLine(size, size);
    if (start < size) yield range(size);
  } finally {
    closeSync(fd);
  }
}

/**
 * The records of one unit, read where the unit runs. A JSON Lines range is split as a line reader
 * splits a file: at each \n, a \r before it dropped, blank lines counted and skipped, each line
 * decoded as UTF-8 on its own (a line that is not is a located problem, the others still read).
 */
export function* unitRecords(unit: WorkUnit): Generator<InputRecord> {
  if (unit.kind === 'problem') {
    yield { kind: 'problem', problem: unit.problem };
    return;
  }
  if (unit.kind !== 'jsonl') {
    yield { kind: unit.kind, path: unit.path, shown: unit.shown };
    return;
  }
  const bytes = readRange(unit);
  let line = unit.firstLine;
  for (let from = 0; from < bytes.length; line++) {
    const nl = bytes.indexOf(0x0a, from);
    const end = nl < 0 ? bytes.length : nl;
    const raw = bytes.subarray(from, end);
    from = end + 1;
    const content = raw[raw.length - 1] === 0x0d ? raw.subarray(0, -1) : raw;
    if (content.length === 0) continue;
    let text: string;
    try {
      text = decodeUtf8(content, unit.shown, line - 1);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      yield { kind: 'problem', problem: e.diagnostics[0]! };
      continue;
    }
    if (text.trim() !== '') yield { kind: 'jsonl', shown: unit.shown, line, text };
  }
}

function readRange(unit: Extract<WorkUnit, { kind: 'jsonl' }>): Buffer {
  const fd = openSync(unit.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(unit.end - unit.start);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, unit.start + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Units grouped, in input order, into batches of about `target` work (a larger unit alone), at most `most` units each. */
export function* batchesOf(units: Iterable<WorkUnit>, target: number, most = Infinity): Generator<WorkUnit[]> {
  let batch: WorkUnit[] = [];
  let cost = 0;
  for (const u of units) {
    if (batch.length > 0 && (cost + u.cost > target || batch.length >= most)) {
      yield batch;
      batch = [];
      cost = 0;
    }
    batch.push(u);
    cost += u.cost;
  }
  if (batch.length > 0) yield batch;
}
