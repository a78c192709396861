/**
 * The lines of a JSON Lines file, streamed: memory holds one line at most, and a line over the
 * input size limit is skipped unread (a located problem), never gathered whole.
 */
import { createReadStream } from 'node:fs';
import { fileDiagnostic, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fsDiagnostic, isFsError } from './fs-errors.js';
import { decodeUtf8, maxInputBytes, tooLargeMessage } from './read-input.js';

export type Line = { line: number; text: string } | { line: number; problem: Diagnostic };

export async function* readLines(path: string, shown: string): AsyncGenerator<Line> {
  const max = maxInputBytes();
  let parts: Buffer[] = [];
  let size = 0;
  let line = 1;
  const finish = (): Line | undefined => {
    const n = line++;
    const length = size;
    const bytes = length > max ? undefined : Buffer.concat(parts);
    parts = [];
    size = 0;
    if (bytes === undefined) return { line: n, problem: { file: shown, line: n, column: 1, code: 'too-large', message: `this line: ${tooLargeMessage(length)}` } };
    const withoutCr = bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes;
    if (withoutCr.length === 0) return undefined;
    try {
      return { line: n, text: decodeUtf8(withoutCr, shown, n - 1) };
    } catch (e) {
      if (e instanceof InputError) return { line: n, problem: e.diagnostics[0]! };
      throw e;
    }
  };
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let from = 0;
      for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
        take(chunk.subarray(from, nl));
        const done = finish();
        if (done) yield done;
        from = nl + 1;
      }
      take(chunk.subarray(from));
    }
  } catch (e) {
    if (!isFsError(e)) throw e;
    yield { line: 0, problem: e.code === 'EISDIR' ? fileDiagnostic(shown, 'is-a-directory', 'is a directory, not a file') : fsDiagnostic(shown, e) };
    return;
  }
  if (size > 0) {
    const done = finish();
    if (done) yield done;
  }

  function take(piece: Buffer): void {
    size += piece.length;
    if (size <= max) parts.push(piece);
    else parts = []; // over the limit: count the rest of the line, keep none of it
  }
}
