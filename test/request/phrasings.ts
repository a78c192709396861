/**
 * Recognition tests as data: test/request/*.yaml list, per catalog treatment, phrasings of a
 * request and what they must be read as. Keys besides `text` are expectations:
 * item fields (route, form, strength, quantity, frequency, visits, weeks, body_region, side,
 * levels, acquisition, rental_days, retrospective, ingredients) and reading fields (modifiers —
 * each listed must be read —, specialty, refills, days_supply, hours_per_week, perioperative,
 * visits_range: [min, max]).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REQUEST_TEST_DIR = dirname(fileURLToPath(import.meta.url));

export interface Phrasing {
  text: string;
  [expectation: string]: unknown;
}

export interface TreatmentPhrasings {
  treatment: string;
  phrasings: Phrasing[];
}

export interface PhrasingFile {
  file: string;
  groups: TreatmentPhrasings[];
}

/** Every phrasing file (all but not-read-as.yaml, which lists lines that must not be misread). */
export function phrasingFiles(dir = REQUEST_TEST_DIR): PhrasingFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'not-read-as.yaml')
    .sort()
    .map((file) => ({ file, groups: parse(readFileSync(join(dir, file), 'utf8')) as TreatmentPhrasings[] }));
}

export interface NotReadAs {
  text: string;
  /** treatments the line must not be read as */
  not: string[];
  /** what it must be read as instead; omitted (with unrecognised: true) when nothing should be read */
  treatment?: string;
  unrecognised?: boolean;
}

export function notReadAs(dir = REQUEST_TEST_DIR): NotReadAs[] {
  return parse(readFileSync(join(dir, 'not-read-as.yaml'), 'utf8')) as NotReadAs[];
}
