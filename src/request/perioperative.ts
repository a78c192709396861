/**
 * Items that serve a surgery (pre-operative tests and clearance, post-operative therapy, equipment
 * and drugs, an assistant surgeon) are linked to it: the surgery disputed in the same case, else
 * the latest surgery the records document.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { DisputedItem, Procedure } from '../model/case-schema.js';

/** The item serves a surgery: its words say so, or its treatment does by nature. */
export function servesSurgery(item: DisputedItem, catalog: Catalog): boolean {
  if (item.reading?.perioperative) return true;
  const t = item.treatment;
  return t !== undefined && (catalog.vocabulary.perioperative_classes ?? []).some((k) => catalog.isA(t, k));
}

export interface SurgeryLink {
  id: string;
  site?: Pick<DisputedItem, 'body_region' | 'side'>;
}

export function associatedSurgery(item: DisputedItem, items: readonly DisputedItem[], procedures: readonly Procedure[], catalog: Catalog): SurgeryLink | undefined {
  if (!servesSurgery(item, catalog)) return undefined;
  const isSurgery = (id: string | undefined) => id !== undefined && catalog.treatment(id)?.kind === 'surgery';
  const disputed = items.find((i) => i !== item && !servesSurgery(i, catalog) && isSurgery(i.treatment));
  if (disputed) return { id: disputed.treatment!, site: { body_region: disputed.body_region, side: disputed.side } };
  const done = [...procedures].reverse().find((p) => isSurgery(p.procedure));
  return done ? { id: done.procedure, site: { body_region: done.body_region, side: done.side } } : undefined;
}

/**
 * Links the item to its surgery when the case does not state one. Care and equipment after a
 * surgery are for the site operated on; a drug is not sited.
 */
export function linkSurgery(item: DisputedItem, items: readonly DisputedItem[], procedures: readonly Procedure[], catalog: Catalog): DisputedItem {
  if (item.associated_surgery !== undefined) return item;
  const surgery = associatedSurgery(item, items, procedures, catalog);
  if (!surgery) return item;
  const out: DisputedItem = { ...item, associated_surgery: surgery.id };
  const drug = item.treatment !== undefined && ['drug', 'compound'].includes(catalog.treatment(item.treatment)?.kind ?? '');
  if (!drug && !out.body_region && surgery.site?.body_region) out.body_region = surgery.site.body_region;
  if (!drug && !out.side && surgery.site?.side) out.side = surgery.site.side;
  return out;
}
