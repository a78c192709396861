/**
 * Sentences with their offsets in the letter, from the `sentence-splitter` package (it knows
 * abbreviations such as "Dr." and "e.g." and does not split decimals). Line breaks are read as
 * spaces first, so a sentence wrapped over lines is one sentence and offsets stay exact. The
 * splitter keeps a bracket or a quotation whole, so one left open ("treated for [pain, ...") or a
 * quotation of several sentences would swallow the rest of the summary: such marks are hidden
 * from it (replaced by spaces, offsets kept).
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
  for (const node of split(maskUnbalanced(body))) {
    if (node.type !== 'Sentence') continue;
    const [nodeFrom, nodeTo] = node.range;
    // A full stop after a word or a number, then a capitalised word, ends a sentence the splitter
    // ran on: with a space after a number ("rated 8/10. Per the note"), or with no space at all
    // ("of the hand.The studies", "on 11-8-16.On 11-29-16"). A decimal has a digit after its point.
    const cuts = [nodeFrom, ...[...body.slice(nodeFrom, nodeTo).matchAll(/(?<=\d\.)\s*(?=[A-Z][a-z])|(?<=[a-z]{2}\.)(?=[A-Z][a-z])/g)].map((m) => nodeFrom + m.index), nodeTo];
    for (let k = 0; k + 1 < cuts.length; k++) {
      const raw = body.slice(cuts[k], cuts[k + 1]);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text === '') continue;
      const from = cuts[k]! + lead;
      out.push({ text, start: span.start + from, end: span.start + from + text.length });
    }
  }
  return out;
}

/** A quotation or bracket spanning more than this is several sentences quoted, or never closed. */
const LONGEST_GROUP = 300;

/** The text with unmatched or overlong brackets and quotation marks replaced by spaces. */
export function maskUnbalanced(text: string): string {
  const chars = [...text];
  const hide = (i: number) => (chars[i] = ' ');
  const stack: { ch: string; at: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  chars.forEach((c, i) => {
    if (c === '(' || c === '[' || c === '{') stack.push({ ch: c, at: i });
    else if (pairs[c]) {
      const open = stack.findLastIndex((o) => o.ch === pairs[c]);
      if (open < 0) return hide(i);
      const o = stack[open]!;
      stack.splice(open);
      if (i - o.at > LONGEST_GROUP) (hide(o.at), hide(i));
    }
  });
  for (const o of stack) hide(o.at);
  const quotes = chars.flatMap((c, i) => (c === '"' ? [i] : []));
  for (let k = 0; k < quotes.length; k += 2) {
    const [a, b] = [quotes[k]!, quotes[k + 1]];
    if (b === undefined || b - a > LONGEST_GROUP) (hide(a), b !== undefined && hide(b));
  }
  return chars.join('');
}
