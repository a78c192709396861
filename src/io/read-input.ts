/**
 * Reading an input file the same careful way everywhere: a regular file, within the input size
 * limit, and for text, valid UTF-8. Each failure is one located InputError naming the path given.
 *
 * The limit bounds memory: parsing YAML with positions costs some thirty times the file's size,
 * so an input far larger than any real case (the biggest is under 30 KB) is refused up front.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { fileDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { rethrowAsInput } from './fs-errors.js';

/** Default limit on one input (a case file, a rule file, a letter, one JSON Lines record), in MB. */
export const DEFAULT_MAX_INPUT_MB = 4;
/**
 * A PDF is mostly compressed pages and fonts, and a saved run (`regress --json`, read by --diff)
 * holds a whole corpus as plain JSON: they may be this many times larger than a case.
 */
const FACTOR = { text: 1, pdf: 4, run: 32 } as const;

export type InputKind = keyof typeof FACTOR;

/** The size limit in bytes, from MTUS_MAX_INPUT_MB when set to a positive number. */
export function maxInputBytes(kind: InputKind = 'text'): number {
  const configured = Number(process.env.MTUS_MAX_INPUT_MB);
  const mb = Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_INPUT_MB;
  return Math.floor(mb * 1024 * 1024 * FACTOR[kind]);
}

export function tooLargeMessage(bytes: number, kind: InputKind = 'text'): string {
  return `${megabytes(bytes)} is over the ${megabytes(maxInputBytes(kind))} input limit (MTUS_MAX_INPUT_MB raises it)`;
}

const megabytes = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`);

/**
 * The bytes of a regular file, refused when it is a directory, a device or a pipe, or larger than
 * the limit. Read through one descriptor, so the size checked is the size read.
 */
export function readInputBytes(path: string, shown: string, kind: InputKind = 'text'): Buffer {
  let fd: number;
  try {
    // Non-blocking, so a named pipe is refused below instead of waiting for a writer forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return rethrowAsInput(shown, e);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError([fileDiagnostic(shown, 'is-a-directory', 'is a directory, not a file')]);
    if (!stat.isFile()) throw new InputError([fileDiagnostic(shown, 'not-a-file', 'not a regular file')]);
    if (stat.size > maxInputBytes(kind)) throw new InputError([fileDiagnostic(shown, 'too-large', tooLargeMessage(stat.size, kind))]);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } catch (e) {
    return rethrowAsInput(shown, e);
  } finally {
    closeSync(fd);
  }
}

/** A UTF-8 text file, without its byte-order mark. */
export function readInputText(path: string, shown: string, kind: InputKind = 'text'): string {
  return decodeUtf8(readInputBytes(path, shown, kind), shown);
}

/**
 * Bytes as UTF-8 text; text in another encoding is refused at the first byte that is not UTF-8,
 * never silently turned into replacement characters.
 */
export function decodeUtf8(bytes: Uint8Array, shown: string, line0 = 0): string {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (isUtf16(bytes)) throw new InputError([{ file: shown, line: line0 + 1, column: 1, code: 'not-utf8', message: 'UTF-16 text: save the file as UTF-8' }]);
  if (isUtf8(body)) {
    const nul = body.indexOf(0);
    if (nul >= 0) throw new InputError([{ file: shown, ...positionAt(body, nul, line0), code: 'binary', message: 'a NUL byte: this is not a text file' }]);
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  }
  const at = firstInvalidUtf8(body);
  const byte = body[at]!.toString(16).toUpperCase().padStart(2, '0');
  throw new InputError([{ file: shown, ...positionAt(body, at, line0), code: 'not-utf8', message: `byte 0x${byte} is not UTF-8: save the file as UTF-8` }]);
}

export function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

export function isUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Line and column (1-based, in characters) of a byte offset. */
function positionAt(bytes: Uint8Array, offset: number, line0: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8');
  return { line: line0 + line, column: [...before].length + 1 };
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    if (len > 1 && !isUtf8(b.subarray(i, i + len))) return i; // overlong forms and surrogates
    i += len;
  }
  return -1;
}
