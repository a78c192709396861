/**
 * Numbers as requests and summaries spell them: "twelve sessions", "fifteen visits", "twenty-four
 * visits", "one hundred twenty grams". This is English number grammar, not treatment vocabulary.
 */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Every simple number word with its value (compounds such as "twenty-four" are read by `parseNumberWords`). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries([
  ...UNITS.map((w, n) => [w, n] as const).filter(([, n]) => n > 0),
  ...TENS.map((w, n) => [w, n * 10] as const).filter(([w]) => w !== ''),
  ['hundred', 100],
  ['a dozen', 12],
  ['dozen', 12],
]);

const UNIT_ALT = UNITS.slice(1).sort((a, b) => b.length - a.length).join('|');
const TENS_ALT = TENS.filter((w) => w !== '').join('|');
const BELOW_HUNDRED = `(?:(?:${TENS_ALT})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNIT_ALT})`;

/**
 * A regular-expression source for a number as written: digits (with decimals) or words up to
 * the hundreds ("one hundred twenty", "twenty-four", "fifteen", "a dozen"). Non-capturing.
 */
export const NUMBER_SOURCE = `(?:\\d+(?:\\.\\d+)?|(?:${BELOW_HUNDRED}[- ])?hundred(?:(?: and)?[- ]${BELOW_HUNDRED})?|${BELOW_HUNDRED}|a dozen|dozen)`;

/** The value of a number written in words ("twenty-four", "one hundred and twenty"); undefined when it is not one. */
export function parseNumberWords(s: string): number | undefined {
  const words = s.toLowerCase().replace(/\band\b/g, ' ').split(/[\s-]+/).filter((w) => w !== '');
  if (words.length === 0) return undefined;
  if (words.join(' ') === 'a dozen') return 12;
  let total = 0;
  let current = 0;
  for (const w of words) {
    const n = NUMBER_WORDS[w];
    if (n === undefined) return undefined;
    if (n === 100) current = (current === 0 ? 1 : current) * 100;
    else current += n;
  }
  total += current;
  return total;
}

/** A spelled or written number; NaN when it is neither. */
export function toNumber(s: string): number {
  return parseNumberWords(s) ?? Number(s);
}
