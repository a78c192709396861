/**
 * "Did you mean …?" for an unknown catalog id, over the ids and over every name and synonym the
 * catalog lists: `flexeril` suggests `cyclobenzaprine`, `fibromyalgia_syndrome` suggests `fibromyalgia`.
 */
import { closestName } from '../diagnostics/suggest.js';
import type { Catalog, TermKind } from './catalog.js';

/** Candidate spellings, each with the id it stands for. */
type Candidates = Map<string, string>;

const byCatalog = new WeakMap<Catalog, Record<'treatment' | TermKind, Candidates>>();

function candidates(catalog: Catalog): Record<'treatment' | TermKind, Candidates> {
  let c = byCatalog.get(catalog);
  if (c) return c;
  const treatment: Candidates = new Map();
  for (const id of [...catalog.treatmentIds(), ...catalog.classIdList()]) treatment.set(id, id);
  for (const id of catalog.treatmentIds()) for (const name of catalog.treatment(id)!.names) if (!treatment.has(name)) treatment.set(name, id);
  const terms = (kind: TermKind): Candidates => {
    const m: Candidates = new Map();
    for (const t of catalog.termEntries(kind)) m.set(t.id, t.id);
    for (const t of catalog.termEntries(kind)) for (const name of t.names ?? []) if (!m.has(name)) m.set(name, t.id);
    return m;
  };
  c = { treatment, condition: terms('condition'), finding: terms('finding') };
  byCatalog.set(catalog, c);
  return c;
}

/** The catalog id `word` most plausibly means, and the spelling it was matched through. */
export function closestCatalogId(catalog: Catalog, kind: 'treatment' | TermKind, word: string): { id: string; via: string } | undefined {
  const pool = candidates(catalog)[kind];
  const via = closestName(word, pool.keys());
  return via === undefined ? undefined : { id: pool.get(via)!, via };
}

/** ` (did you mean 'id'?)`, naming the synonym when the match came through one; '' when nothing is close. */
export function didYouMeanId(catalog: Catalog, kind: 'treatment' | TermKind, word: string): string {
  const hit = closestCatalogId(catalog, kind, word);
  if (!hit) return '';
  return hit.via === hit.id ? ` (did you mean '${hit.id}'?)` : ` (did you mean '${hit.id}'? the catalog lists '${hit.via}' as one of its names)`;
}
