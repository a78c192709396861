/** Numbers as requests and summaries spell them ("twelve sessions", "seven day use"). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, sixteen: 16, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30,
};

/** A spelled or written number. */
export function toNumber(s: string): number {
  return NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
}
