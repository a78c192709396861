/**
 * How well the rationale reader agrees with hand labels, in two senses:
 *  - primary: the reader's primary code is the labelled primary code;
 *  - overlap: the reader's codes share at least one code with the labelled codes.
 * Reported per half of the corpus (last digit of the case number even or odd), since the reader
 * was written on one half.
 */
import type { RationaleReading } from './read-rationale.js';

export interface LabelledReason {
  case: string;
  item: number;
  /** the primary code first */
  codes: string[];
  quote: string;
}

export interface Accuracy {
  items: number;
  primary: number;
  overlap: number;
}

export interface ReadingAgainstLabel {
  label: LabelledReason;
  reading: RationaleReading;
}

export function accuracyOf(pairs: readonly ReadingAgainstLabel[]): Accuracy {
  const items = pairs.length;
  const primary = pairs.filter((p) => p.reading.primary === p.label.codes[0]).length;
  const overlap = pairs.filter((p) => p.reading.reasons.some((r) => p.label.codes.includes(r.code))).length;
  const share = (n: number) => (items === 0 ? 0 : Math.round((n / items) * 1000) / 1000);
  return { items, primary: share(primary), overlap: share(overlap) };
}

/** The half a case belongs to, by the last digit of its case number. */
export function halfOf(caseNumber: string): 'even' | 'odd' {
  return Number(caseNumber.at(-1)) % 2 === 0 ? 'even' : 'odd';
}
