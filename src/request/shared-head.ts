/**
 * Names that share a head noun: "gym and pool membership" names a gym membership and a pool
 * membership; "carpal tunnel and trigger finger release" names two releases. The words before the
 * coordinator, with the head of the name after it, make a catalog name the text never writes whole.
 */
import type { Lexicon, Span } from './lexicon.js';
import type { Token } from './tokens.js';

const COORDINATORS = new Set(['and', 'or']);

export function sharedHeadSpans(text: string, tokens: readonly Token[], main: readonly Span[], lexicon: Lexicon): Span[] {
  const taken = new Set<number>();
  for (const s of main) for (let i = s.first; i < s.last; i++) taken.add(i);
  const out: Span[] = [];
  for (const s of main) {
    if (s.last - s.first < 2 || !s.senses.some((x) => x.kind === 'treatment')) continue;
    // The coordinator: a word ("and", "or") or a sign ("/", "&") right before the name.
    const before = tokens[s.first - 1];
    const sign = before !== undefined && /^\s*[/&]\s*$/.test(text.slice(before.end, tokens[s.first]!.start));
    const end = sign ? s.first : before && COORDINATORS.has(before.word) ? s.first - 1 : -1;
    if (end <= 0) continue;
    for (let start = Math.max(0, end - 3); start < end; start++) {
      if ([...Array(end - start).keys()].some((k) => taken.has(start + k))) continue;
      const prefix = tokens.slice(start, end).map((t) => t.word);
      const senses = headsOf(s, tokens).map((head) => lexicon.exact([...prefix, ...head], 'main')).find((x) => x.some((y) => y.kind === 'treatment'));
      if (senses) {
        out.push({ first: start, last: end, start: tokens[start]!.start, end: tokens[end - 1]!.end, senses: senses.filter((y) => y.kind === 'treatment') });
        break;
      }
    }
  }
  return out;
}

/** The trailing words of a name that may be its head: "membership", "finger release", "release". */
function headsOf(s: Span, tokens: readonly Token[]): string[][] {
  const words = tokens.slice(s.first, s.last).map((t) => t.word);
  const heads: string[][] = [];
  for (let k = 1; k < words.length; k++) heads.push(words.slice(k));
  return heads;
}
