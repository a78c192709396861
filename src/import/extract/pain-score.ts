/**
 * Current pain on a 0-10 scale: the most recent sentence that rates pain, read at its worst (a
 * range at its top, several sites at the highest) unless it compares with and without a drug.
 */
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
  // Pain rated with and without a treatment, in either order: the pain on the current regimen is the one with it.
  const withFirst = /(\d{1,2})\s*\/\s*10 with\b[^.;]*?\b\d{1,2}\s*\/\s*10 without\b/i.exec(text);
  if (withFirst) return Number(withFirst[1]);
  const withoutFirst = /\b\d{1,2}\s*\/\s*10 without\b[^.;]*?\b(\d{1,2})\s*\/\s*10 with\b/i.exec(text);
  if (withoutFirst) return Number(withoutFirst[1]);
  for (const re of [SCORE, RATED]) {
    const scores: number[] = [];
    for (const m of text.matchAll(re)) {
      // The rating must be about pain, not mood: look at the words just before it.
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (NOT_PAIN.test(before) && !PAIN.test(before)) continue;
      const top = Number(m[2] ?? m[1]);
      if (top >= 0 && top <= 10) scores.push(top);
    }
    if (scores.length > 0) return Math.max(...scores);
  }
  return undefined;
}
