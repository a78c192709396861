/**
 * Doses a day from a frequency as prescribers write it. Ranges ("every 4-6 hours") take the
 * most frequent end, since a supply is dispensed for the maximum allowed use.
 */
const LATIN: [RegExp, number][] = Object.entries({
  qd: 1, daily: 1, qhs: 1, hs: 1, qam: 1, qpm: 1, od: 1, bid: 2, tid: 3, qid: 4,
}).map(([word, n]) => [new RegExp(`\\b${word}\\b`), n]);

export function dosesPerDay(frequency: string): number | undefined {
  const f = frequency.toLowerCase().replace(/\./g, '').trim();
  const hours = /\b(?:q|every)\s*(\d+(?:\.\d+)?)\s*(?:-|to)?\s*(\d+(?:\.\d+)?)?\s*(?:h|hr|hrs|hours?)\b/.exec(f);
  if (hours) return round(24 / Number(hours[1]));
  const times = /\b(\d+|once|twice|three|four)\s*(?:x|times?)?\s*(?:a|per|\/)\s*day\b/.exec(f);
  if (times) return WORDS[times[1]!] ?? Number(times[1]);
  if (/\b(once|one time)\s+(a|per)\s+day\b/.test(f)) return 1;
  for (const [word, n] of LATIN) if (word.test(f)) return n;
  return undefined;
}

const WORDS: Record<string, number> = { once: 1, twice: 2, three: 3, four: 4 };

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
