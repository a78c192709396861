/**
 * Recognition runs once, where a case is built (import, case loading, or a library caller's own
 * case): each disputed item keeps its reading beside the words, fields the case leaves out are
 * filled from it (fields the case states win), and items that serve a surgery are linked to it.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Case, DisputedItem } from '../model/case-schema.js';
import { linkSurgery } from './perioperative.js';
import { recogniseRequest } from './recognise.js';

/** One item read from its request text; what the item states is kept. */
export function normaliseItem(item: DisputedItem, catalog: Catalog): DisputedItem {
  const { reading, fields } = recogniseRequest(item.request, catalog);
  // A treatment or ingredients the case states decide what the item is.
  if (item.treatment !== undefined || item.ingredients !== undefined) {
    delete fields.ingredients;
    if (item.ingredients !== undefined) delete fields.treatment;
  }
  const { request, ...stated } = item;
  delete stated.reading;
  return { request, ...fields, ...stated, reading };
}

/** The case with every item read and linked to the surgery it serves. */
export function normaliseCase(kase: Case, catalog: Catalog): Case {
  const items = kase.items.map((i) => normaliseItem(i, catalog));
  return { ...kase, items: items.map((i) => linkSurgery(i, items, kase.procedures ?? [], catalog)) };
}

const normalised = new WeakMap<Catalog, WeakMap<Case, Case>>();

/** The case as prediction reads it: normalised once, when a caller built it without recognition. */
export function ensureNormalised(kase: Case, catalog: Catalog): Case {
  if (kase.items.every((i) => i.reading !== undefined)) return kase;
  let byCase = normalised.get(catalog);
  if (!byCase) normalised.set(catalog, (byCase = new WeakMap()));
  let done = byCase.get(kase);
  if (!done) byCase.set(kase, (done = normaliseCase(kase, catalog)));
  return done;
}
