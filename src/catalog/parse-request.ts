/**
 * Reads a request line as written ("Flexeril 7.5 mg one (1) q8hrs #90", "Physical therapy 2 times a
 * week for 3 weeks for lumbar") into normalised item fields. Only what the text states is returned.
 * The reading itself is the request recogniser's (src/request/); these are its plain-field views
 * for callers that need no more.
 */
import type { BodyRegion } from '../model/vocabulary.js';
import { regionsNamedIn } from '../request/bundled-places.js';
import { recogniseRequest, type RequestFields } from '../request/recognise.js';
import { statedDays } from '../request/stated.js';
import type { Catalog } from './catalog.js';
import { parseSpinalLevels } from './spine.js';

export type ParsedRequest = RequestFields;

export function parseRequest(text: string, catalog: Catalog): ParsedRequest {
  return recogniseRequest(text, catalog).fields;
}

/** Body regions named in text; spinal levels name their region ("L4-5" is lumbar) when words do not. */
export function bodyRegionsIn(text: string, levels: readonly string[] = parseSpinalLevels(text)): BodyRegion[] {
  const named = regionsNamedIn(text, false);
  if (named.length > 0 || levels.length === 0) return named;
  return regionsNamedIn(levels.join(' '), true);
}

/** Days of use a request states: "2 month rental" = 60, "seven day use" = 7, "for one week" = 7. */
export function daysOfUseStated(text: string): number | undefined {
  return statedDays(text);
}
