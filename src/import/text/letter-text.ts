/**
 * Reads a letter file, PDF or text, into its normalised text. Text letters are UTF-8 as a rule;
 * one saved as UTF-16 or as Windows-1252 (Latin-1) is recognised and decoded, and says so, never
 * read as garbled UTF-8; a binary file is refused.
 */
import { extname } from 'node:path';
import { fileDiagnostic, InputError } from '../../diagnostics/diagnostic.js';
import { hasUtf8Bom, isUtf16, maxInputBytes, readInputBytes, tooLargeMessage } from '../../io/read-input.js';
import { isUtf8 } from 'node:buffer';
import { normalizeLetterText } from './normalize.js';
import { pdfToText } from './pdf-text.js';

export type LetterFormat = 'pdf' | 'text';
export type LetterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface LetterText {
  text: string;
  format: LetterFormat;
  /** how a text letter was decoded; anything but UTF-8 deserves a notice */
  encoding: LetterEncoding;
}

export function letterFormat(path: string, head: Uint8Array): LetterFormat {
  if (extname(path).toLowerCase() === '.pdf') return 'pdf';
  // "%PDF-" at the start: a PDF whatever its name says.
  return head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 ? 'pdf' : 'text';
}

/** Reads `path`; problems are InputErrors about `shown` (the path as the user wrote it). */
export async function readLetterText(path: string, shown: string = path): Promise<LetterText> {
  const bytes = readInputBytes(path, shown, 'pdf');
  const format = letterFormat(path, bytes);
  if (format === 'pdf') return { text: normalizeLetterText(await readPdf(bytes, shown)), format, encoding: 'utf-8' };
  if (bytes.length > maxInputBytes('text')) throw new InputError([fileDiagnostic(shown, 'too-large', tooLargeMessage(bytes.length))]);
  const { text, encoding } = decodeLetter(bytes, shown);
  return { text: normalizeLetterText(text), format, encoding };
}

/** What a non-UTF-8 letter was read as, for the notice printed beside its import. */
export function encodingNotice(encoding: LetterEncoding): string | undefined {
  if (encoding === 'utf-8') return undefined;
  return encoding === 'windows-1252' ? 'not UTF-8: read as Windows-1252 (Latin-1)' : `read as ${encoding.toUpperCase()}`;
}

async function readPdf(bytes: Buffer, shown: string): Promise<string> {
  try {
    return await pdfToText(bytes);
  } catch (e) {
    const why = ((e as Error).message ?? String(e)).split('\n')[0];
    throw new InputError([fileDiagnostic(shown, 'pdf-unreadable', `not a readable PDF (${why})`)]);
  }
}

// Control characters no letter contains (tab, line feed, carriage return and form feed aside).
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function decodeLetter(bytes: Buffer, shown: string): { text: string; encoding: LetterEncoding } {
  const utf16 = isUtf16(bytes);
  let decoded: { text: string; encoding: LetterEncoding };
  if (utf16) decoded = { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  else if (isUtf8(bytes)) decoded = { text: bytes.subarray(hasUtf8Bom(bytes) ? 3 : 0).toString('utf8'), encoding: 'utf-8' };
  else decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  if (CONTROL.test(decoded.text)) throw new InputError([fileDiagnostic(shown, 'not-text', 'binary content: not a text or PDF letter')]);
  if (decoded.encoding === 'windows-1252' && decoded.text.includes('\ufffd')) {
    throw new InputError([fileDiagnostic(shown, 'unknown-encoding', 'neither UTF-8 nor Windows-1252 text: save the letter as UTF-8')]);
  }
  return decoded;
}

/**
 * Windows-1252 by its table: Latin-1, except 0x80-0x9F, which hold typography (curly quotes,
 * dashes, the euro sign). Node's TextDecoder reads this label as plain Latin-1, turning an en dash
 * into a control character, so the table is applied here.
 */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
