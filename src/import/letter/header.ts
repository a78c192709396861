/** The header block of 2016-on letters: case number and the claim's dates. */
import { parseDate } from '../nlp/dates.js';
import type { Span } from './span.js';

export interface LetterHeader {
  case_number?: string;
  assigned?: string;
  injury?: string;
  decision?: string;
  ur_denial?: string;
  application?: string;
}

const FIELDS: [keyof LetterHeader, RegExp][] = [
  ['case_number', /Case Number:\s*([A-Z]{2}\d{2}-\d{4,})/],
  ['assigned', /Date Assigned:\s*(\S+)/],
  ['injury', /Date of Injury:\s*(\S+)/],
  ['decision', /Decision Date:\s*(\S+)/],
  ['ur_denial', /UR Denial Date:\s*(\S+)/],
  // The label wraps ("Application" / "Received:"): the date follows "Application".
  ['application', /Application\s+(\d\S*)/],
];

export function parseHeader(text: string, span: Span): LetterHeader {
  const block = text.slice(span.start, span.end);
  const out: LetterHeader = {};
  for (const [key, re] of FIELDS) {
    const raw = re.exec(block)?.[1];
    if (raw === undefined) continue;
    const value = key === 'case_number' ? raw : parseDate(raw);
    if (value) out[key] = value;
  }
  return out;
}
