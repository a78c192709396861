/**
 * Body regions named in free text, read with the region words of the bundled catalog
 * (rules/catalog/request-*.yaml). For callers that have no catalog at hand, such as the
 * extraction of symptomatic regions from a clinical summary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Catalog } from '../catalog/catalog.js';
import { RequestVocabularyFile, type RequestVocabulary } from '../model/catalog-schema.js';
import type { BodyRegion } from '../model/vocabulary.js';
import { lexiconOf } from './lexicon.js';
import { readPlaces } from './places.js';
import { tokenize } from './tokens.js';
import { mergeVocabulary } from './vocabulary-file.js';

const CATALOG_DIR = fileURLToPath(new URL('../../rules/catalog', import.meta.url));
let bundled: Catalog | undefined;

const vocabularyCatalog = (vocabulary: RequestVocabulary) => new Catalog({ treatments: [], classes: [], conditions: [], findings: [], vocabulary });

function bundledCatalog(): Catalog {
  if (!bundled) {
    let vocabulary: RequestVocabulary = {};
    for (const f of readdirSync(CATALOG_DIR).filter((n) => n.startsWith('request') && /\.ya?ml$/.test(n)).sort()) {
      vocabulary = mergeVocabulary(vocabulary, RequestVocabularyFile.parse(parse(readFileSync(join(CATALOG_DIR, f), 'utf8'))));
    }
    bundled = vocabularyCatalog(vocabulary);
  }
  return bundled;
}

/** The bundled request vocabulary, as read from rules/catalog/request-*.yaml. */
export function bundledVocabulary(): RequestVocabulary {
  return bundledCatalog().vocabulary;
}

/**
 * Uses a bundled vocabulary read already (a regress worker gets its parent's), so the files are
 * not parsed and validated again in every thread.
 */
export function useBundledVocabulary(vocabulary: RequestVocabulary): void {
  bundled = vocabularyCatalog(vocabulary);
}

/**
 * Body regions named in text, in order. Spinal levels name their region ("L4-5" is lumbar) when
 * no word does, unless `useLevels` is false.
 */
export function regionsNamedIn(text: string, useLevels = true, catalog: Catalog = bundledCatalog()): BodyRegion[] {
  const places = readPlaces(useLevels ? text : text.replace(/\b[CTLS]\s*\d/gi, (m) => ' '.repeat(m.length)), lexiconOf(catalog).scan(tokenize(text), 'place'), catalog.vocabulary);
  return places.regions;
}
