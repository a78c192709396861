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

/**
 * The words of a name, as the lexicon matches them: the words `tokenize` finds, read by a plain
 * loop (the lexicon splits thousands of names at every start, and a pattern per name cost more).
 */
export function nameWords(name: string): string[] {
  const text = name.toLowerCase();
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i;
    if (isLetter(c)) {
      while (j < n && isLetter(text.charCodeAt(j))) j++;
    } else if (isDigit(c)) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (j + 1 < n && text.charCodeAt(j) === 46 && isDigit(text.charCodeAt(j + 1))) {
        j++;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
    } else {
      i++;
      continue;
    }
    words.push(text.slice(i, j));
    i = j;
  }
  return words;
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

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
