/**
 * The clause structure of a request line. The main phrase names what is requested; a complement
 * opened by "with", "for", "to", "under", "following" ... or set in brackets qualifies it:
 * "Lumbar ESI with pain interventionist consult" requests the ESI, "Acupuncture with capsaicin
 * patch" requests acupuncture. Words inside a matched name ("acupuncture with electrical
 * stimulation") open nothing. Names joined by "/", ",", "and" are coordinated ("CBC, PT, PTT").
 */
import type { Span } from './lexicon.js';
import type { Token } from './tokens.js';

/** English words that open a complement of the main phrase. */
const OPENERS = new Set([
  'with', 'plus', 'under', 'using', 'via', 'following', 'followed', 'after', 'including', 'incl', 'for', 'to', 'vs', 'versus',
  'possible', 'possibly', 'by', 'per', 'from', 'then', 'if',
]);

/** Depth of each token: 0 in the main phrase, more inside complements and brackets. */
export function tokenDepths(text: string, tokens: readonly Token[], names: readonly Span[]): number[] {
  const insideName = new Set<number>();
  for (const s of names) for (let i = s.first; i < s.last; i++) insideName.add(i);
  const depths: number[] = [];
  let brackets = 0;
  let opened = false;
  let at = 0;
  tokens.forEach((t, i) => {
    for (const ch of text.slice(at, t.start)) {
      if (ch === '(' || ch === '[' || ch === '{') brackets++;
      else if ((ch === ')' || ch === ']' || ch === '}') && brackets > 0) brackets--;
    }
    at = t.start;
    const opener = !insideName.has(i) && (OPENERS.has(t.word) || (t.word === 'w' && text[t.end] === '/'));
    if (opener && brackets === 0) opened = true;
    depths.push(brackets + (opened ? 1 : 0));
  });
  return depths;
}

/** The depth of a span: the depth of its first token. */
export function spanDepth(depths: readonly number[], s: Span): number {
  return depths[s.first] ?? 0;
}

/** Only separators between two spans: "/", ",", "&", "+", "and", "or". */
export function coordinated(text: string, a: Span, b: Span): boolean {
  const gap = text.slice(a.end, b.start);
  return /^[\s,/&+;:-]*(?:(?:and|or|and\/or|plus)[\s,/&+;:-]*)?$/i.test(gap);
}

/** Only blanks or hyphens between two spans: "ortho spine surgeon" is one noun compound. */
export function adjacent(text: string, a: Span, b: Span): boolean {
  return /^[\s-]*$/.test(text.slice(a.end, b.start));
}
