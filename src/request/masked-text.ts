/**
 * A request line read phrase by phrase: each grammar pattern takes what it recognises and blanks
 * it out, so a later, looser pattern cannot read the same words again ("2 times a week" is a rate,
 * so its "a week" is not also a duration). Offsets never move.
 */
export class MaskedText {
  private text: string;

  constructor(readonly original: string) {
    this.text = original.toLowerCase();
  }

  /**
   * Runs `re` (global) over what is left; `accept` decides for each match whether it is taken
   * (it returns true), and taken matches are blanked.
   */
  take(re: RegExp, accept: (m: RegExpExecArray) => boolean): void {
    if (!re.global) throw new Error('MaskedText.take needs a global pattern');
    const taken: [number, number][] = [];
    for (const m of this.text.matchAll(re)) {
      if (m[0].trim() === '') continue;
      if (accept(m as RegExpExecArray)) taken.push([m.index, m.index + m[0].length]);
    }
    for (const [a, b] of taken) this.blank(a, b);
  }

  /** Blanks the digits and number signs between two offsets, keeping the words ("Tylenol #3"). */
  blankNumbers(start: number, end: number): void {
    this.text = this.text.slice(0, start) + this.text.slice(start, end).replace(/[0-9#]/g, ' ') + this.text.slice(end);
  }

  blank(start: number, end: number): void {
    this.text = this.text.slice(0, start) + ' '.repeat(end - start) + this.text.slice(end);
  }

  /** What is left, lower-cased, blanks where parts were taken. */
  get rest(): string {
    return this.text;
  }
}
