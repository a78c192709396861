/**
 * A disputed item as the case format states it: the request normalised through the catalog, what
 * UR already approved, the surgery it accompanies, what the records show was requested, and the
 * historical outcome with the reviewer's citation and rationale (reference only).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { DisputedItem } from '../../model/case-schema.js';
import { normaliseItem as readItem } from '../../request/normalise-case.js';
import { recogniseRequest } from '../../request/recognise.js';
import { primaryCitation } from '../letter/citations.js';
import type { LetterItem } from '../letter/items.js';
import { flat, tidy } from '../letter/span.js';

export { linkSurgery } from '../../request/perioperative.js';

/**
 * The item as the letter words it, read once by the request recogniser. The remaining portion of
 * a partly approved request is read with the original request beside it.
 */
export function normaliseItem(li: LetterItem, catalog: Catalog): DisputedItem {
  const item = readItem({ request: li.request }, catalog);
  if (li.original) {
    const original = recogniseRequest(li.original, catalog).fields;
    // The remaining portion of a retrospective request is retrospective too.
    if (original.retrospective) item.retrospective = true;
    if (!item.treatment && !item.ingredients && original.treatment) item.treatment = original.treatment;
    // The remaining portion is of the same site: "... for the cervical spine, #6" → "#2".
    if (!item.body_region && original.body_region) item.body_region = original.body_region;
    if (!item.side && original.side) item.side = original.side;
    if (!item.levels && original.levels) item.levels = original.levels;
  }
  if (li.approved) {
    const approved = recogniseRequest(li.approved, catalog).fields;
    item.ur_approved = { text: li.approved, ...(approved.visits !== undefined ? { visits: approved.visits } : {}) };
  }
  return item;
}

export function actualOf(letter: string, li: LetterItem, letterDate: string | undefined): NonNullable<DisputedItem['actual']> {
  const actual: NonNullable<DisputedItem['actual']> = { outcome: li.outcome };
  if (li.maximusGuideline) actual.guideline = primaryCitation(li.maximusGuideline, letterDate);
  if (li.rationale) actual.rationale = tidy(flat(letter, li.rationale));
  return actual;
}
