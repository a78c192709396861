/**
 * Words of a request line with their offsets. Letters and digits split ("2x4" is 2, x, 4; "q8h" is
 * q, 8, h), punctuation separates, so "PT/PTT", "PT PTT" and "PT-PTT" are the same two words and
 * names match however they are punctuated.
 */
export interface Token {
  /** lower-case word or number as written */
  word: string;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z]+|\d+(?:\.\d+)?/g)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The words of a name, as the lexicon matches them. */
export function nameWords(name: string): string[] {
  return tokenize(name).map((t) => t.word);
}

/**
 * Singular forms a written word may stand for: "MRIs" → "mri", "studies" → "study",
 * "injections" → "injection". Only text words are folded, so a name's own plural stays exact
 * ("TENS" never matches "ten").
 */
export function singulars(word: string): string[] {
  const out: string[] = [];
  if (word.length > 3 && word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.length > 3 && word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.length > 2 && word.endsWith('s') && !word.endsWith('ss')) out.push(word.slice(0, -1));
  return out;
}

/** Does the written word match the name's word, directly or as its plural? */
export function wordMatches(written: string, nameWord: string): boolean {
  return written === nameWord || singulars(written).includes(nameWord);
}
