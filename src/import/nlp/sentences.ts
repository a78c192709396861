/**
 * Sentences with their offsets in the letter, from the `sentence-splitter` package (it knows
 * abbreviations such as "Dr." and "e.g." and does not split decimals). Line breaks are read as
 * spaces first, so a sentence wrapped over lines is one sentence and offsets stay exact.
 */
import { split } from 'sentence-splitter';
import { flat, type Span } from '../letter/span.js';

export interface Sentence extends Span {
  /** the sentence with line breaks as spaces */
  text: string;
}

export function sentencesOf(letter: string, span: Span): Sentence[] {
  const body = flat(letter, span);
  const out: Sentence[] = [];
  for (const node of split(body)) {
    if (node.type !== 'Sentence') continue;
    const [from, to] = node.range;
    const raw = body.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === '') continue;
    out.push({ text, start: span.start + from + lead, end: span.start + from + lead + text.length });
  }
  return out;
}
