/**
 * A disputed item as the case format states it: the request normalised through the catalog, what
 * UR already approved, the surgery it accompanies, what the records show was requested, and the
 * historical outcome with the reviewer's citation and rationale (reference only).
 */
import type { Catalog } from '../../catalog/catalog.js';
import { parseRequest } from '../../catalog/parse-request.js';
import type { DisputedItem, Procedure } from '../../model/case-schema.js';
import { primaryCitation } from '../letter/citations.js';
import type { LetterItem } from '../letter/items.js';
import { flat, tidy } from '../letter/span.js';

/** Items that accompany a surgery: "Associated surgical service: Cold therapy", "Post-op Percocet". */
const ACCOMPANIES_SURGERY = /^(associated surgical services?|post-?op(?:erative)?|pre-?op(?:erative)?|post-?surgical)\b/i;

export function normaliseItem(li: LetterItem, catalog: Catalog): DisputedItem {
  const parsed = parseRequest(li.request, catalog);
  const item: DisputedItem = { request: li.request, ...parsed };
  if (li.original) {
    const original = parseRequest(li.original, catalog);
    // The remaining portion of a retrospective request is retrospective too.
    if (original.retrospective) item.retrospective = true;
    if (!item.treatment && !item.ingredients && original.treatment) item.treatment = original.treatment;
    // The remaining portion is of the same site: "... for the cervical spine, #6" → "#2".
    if (!item.body_region && original.body_region) item.body_region = original.body_region;
    if (!item.side && original.side) item.side = original.side;
    if (!item.levels && original.levels) item.levels = original.levels;
  }
  if (li.approved) {
    const approved = parseRequest(li.approved, catalog);
    item.ur_approved = { text: li.approved, ...(approved.visits !== undefined ? { visits: approved.visits } : {}) };
  }
  return item;
}

/**
 * The catalog id of the surgery an accompanying item goes with: a surgery disputed in the same
 * letter, else the latest surgery the summary documents.
 */
export function associatedSurgery(request: string, items: readonly DisputedItem[], procedures: readonly Procedure[], catalog: Catalog): { id: string; site?: Pick<DisputedItem, 'body_region' | 'side'> } | undefined {
  if (!ACCOMPANIES_SURGERY.test(request)) return undefined;
  const isSurgery = (id: string | undefined) => id !== undefined && catalog.treatment(id)?.kind === 'surgery';
  const disputed = items.find((i) => !ACCOMPANIES_SURGERY.test(i.request) && isSurgery(i.treatment));
  if (disputed) return { id: disputed.treatment!, site: { body_region: disputed.body_region, side: disputed.side } };
  const done = [...procedures].reverse().find((p) => isSurgery(p.procedure));
  return done ? { id: done.procedure, site: { body_region: done.body_region, side: done.side } } : undefined;
}

export function actualOf(letter: string, li: LetterItem, letterDate: string | undefined): NonNullable<DisputedItem['actual']> {
  const actual: NonNullable<DisputedItem['actual']> = { outcome: li.outcome };
  if (li.maximusGuideline) actual.guideline = primaryCitation(li.maximusGuideline, letterDate);
  if (li.rationale) actual.rationale = tidy(flat(letter, li.rationale));
  return actual;
}
