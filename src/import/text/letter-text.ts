/** Reads a letter file, PDF or text, into its normalised text. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { normalizeLetterText } from './normalize.js';
import { pdfToText } from './pdf-text.js';

export type LetterFormat = 'pdf' | 'text';

export function letterFormat(path: string, head: Uint8Array): LetterFormat {
  if (extname(path).toLowerCase() === '.pdf') return 'pdf';
  // "%PDF-" at the start: a PDF whatever its name says.
  return head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 ? 'pdf' : 'text';
}

export async function readLetterText(path: string): Promise<{ text: string; format: LetterFormat }> {
  const bytes = await readFile(path);
  const format = letterFormat(path, bytes);
  const raw = format === 'pdf' ? await pdfToText(bytes) : bytes.toString('utf8');
  return { text: normalizeLetterText(raw), format };
}
