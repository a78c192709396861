/** Current pain on a 0-10 scale: the most recent pain rating in the summary, a range read at its top. */
import type { ExtractionContext, Found } from './context.js';

const SCORE = /\b(\d{1,2}(?:\.\d)?)(?:\s*(?:-|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:\/\s*10|out of 10|on a (?:scale of )?(?:0-|1-)?10(?:-point)? scale|over 10)\b/gi;
const RATED = /\b(?:rated|rates|rating|level (?:was|of)|at a)\s+(?:at\s+)?(?:a\s+)?(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?\b(?!\s*(?:%|degrees|mg|years|weeks|months|days))/gi;
const PAIN = /\bpain\b/i;
const NOT_PAIN = /\b(depression|anxiety|mood|stress|sleep|function|strength|motor|grip)\b/i;

export function extractPainScore(ctx: ExtractionContext): Found<number> | undefined {
  let found: Found<number> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review' || !PAIN.test(s.text)) continue;
    const score = firstScore(s.text);
    if (score !== undefined) found = { value: score, from: s };
  }
  return found;
}

function firstScore(text: string): number | undefined {
  for (const re of [SCORE, RATED]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      // The rating must be about pain, not mood: look at the words just before it.
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (NOT_PAIN.test(before) && !PAIN.test(before)) continue;
      const top = Number(m[2] ?? m[1]);
      if (top >= 0 && top <= 10) return top;
    }
  }
  return undefined;
}
