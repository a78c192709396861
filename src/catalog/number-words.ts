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

/** Every word a spelled number is made of, as the number grammar below spells them. */
export const NUMBER_WORD_LIST: readonly string[] = [...UNITS.slice(1), ...TENS.filter((w) => w !== ''), 'hundred', 'dozen'];

/** The number words that occur anywhere in `text` (lower-case), even inside a longer word. */
export function numberWordsIn(text: string): string[] {
  return NUMBER_WORD_LIST.filter((w) => text.includes(w));
}

/**
 * A regular-expression source for a number as written: digits (with decimals) or words up to
 * the hundreds ("one hundred twenty", "twenty-four", "fifteen", "a dozen"). Non-capturing.
 *
 * Given `words`, the alternatives for every other number word are left out, in the same order
 * otherwise. On a text that contains none of the words left out, the smaller pattern finds
 * exactly what the whole one finds (an alternative that cannot match anywhere changes no
 * match), and it costs a fraction to compile and run: the whole alternation, repeated in every
 * quantity pattern, was most of the time a request line took to read.
 */
export function numberSource(words?: readonly string[]): string {
  const has = (w: string) => words === undefined || words.includes(w);
  const alt = (list: readonly string[]) => list.filter(has).join('|');
  const unitAlt = alt([...UNITS.slice(1)].sort((a, b) => b.length - a.length));
  const tensAlt = alt(TENS.filter((w) => w !== ''));
  const digitAlt = alt(UNITS.slice(1, 10));
  const belowHundred = [
    ...(tensAlt ? [`(?:${tensAlt})${digitAlt ? `(?:[- ](?:${digitAlt}))?` : ''}`] : []),
    ...(unitAlt ? [unitAlt] : []),
  ].join('|');
  const bh = belowHundred && `(?:${belowHundred})`;
  const alternatives = ['\\d+(?:\\.\\d+)?'];
  if (has('hundred')) alternatives.push(bh ? `(?:${bh}[- ])?hundred(?:(?: and)?[- ]${bh})?` : 'hundred');
  if (bh) alternatives.push(bh);
  if (has('dozen')) alternatives.push('a dozen|dozen');
  return `(?:${alternatives.join('|')})`;
}

/** The whole number grammar (every number word). */
export const NUMBER_SOURCE = numberSource();

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
