/** The shared corpus of real letters, for the importer's tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from '../helpers.js';

export const SEEDS_DIR = join(SHARED, 'seeds');
export const DWC_DIR = join(SHARED, 'dwc-2016-2017');

export function letterFiles(dir: string, ext: '.txt' | '.pdf' = '.txt'): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));
}

export function readLetter(file: string): string {
  return readFileSync(file, 'utf8');
}
