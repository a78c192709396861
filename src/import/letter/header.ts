/**
 * The header block of 2016-on letters: case number and the claim's dates. Earlier letters have no
 * header; a letter that has one must have it whole, since the case number is the case's identity:
 * a labelled value that does not read, or a header without a readable case number, is garbled.
 */
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

export type HeaderResult = { ok: true; header: LetterHeader } | { ok: false; problem: string };

const FIELDS: [keyof LetterHeader, string, RegExp][] = [
  ['case_number', 'Case Number', /Case Number:[ \t]*(\S*)/],
  ['assigned', 'Date Assigned', /Date Assigned:[ \t]*(\S*)/],
  ['injury', 'Date of Injury', /Date of Injury:[ \t]*(\S*)/],
  ['decision', 'Decision Date', /Decision Date:[ \t]*(\S*)/],
  ['ur_denial', 'UR Denial Date', /UR Denial Date:[ \t]*(\S*)/],
  // The label wraps ("Application" / "Received:"): the date follows "Application".
  ['application', 'Application Received', /Application[ \t]+(\d\S*)/],
];

const CASE_NUMBER = /^[A-Z]{2}\d{2}-\d{4,}$/;

export function parseHeader(text: string, span: Span): HeaderResult {
  const block = text.slice(span.start, span.end);
  const header: LetterHeader = {};
  if (block.trim() === '') return { ok: true, header }; // a letter from before headers
  for (const [key, label, re] of FIELDS) {
    const raw = re.exec(block)?.[1];
    if (raw === undefined) continue;
    const value = key === 'case_number' ? (CASE_NUMBER.test(raw) ? raw : undefined) : parseDate(raw);
    if (value === undefined) return { ok: false, problem: `the header's ${label} '${raw}' is not ${key === 'case_number' ? 'a case number (CM16-0213037)' : 'a date'}` };
    header[key] = value;
  }
  if (!header.case_number) return { ok: false, problem: 'the header has no Case Number: a garbled or incomplete header' };
  return { ok: true, header };
}
