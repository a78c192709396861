/** A stretch of the letter text, by character offsets into the normalised letter. */
export interface Span {
  start: number;
  end: number;
}

/** The text of a span with line breaks read as spaces: one character in, one out, offsets kept. */
export function flat(letter: string, span: Span): string {
  return letter.slice(span.start, span.end).replace(/\n/g, ' ');
}

/** Collapses a flattened stretch for display: trimmed, single spaces. */
export function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
