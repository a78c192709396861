/**
 * A case as sets of comparable facts ("atoms"), one set per fact kind, so an imported case can be
 * scored against a curated one. Items are compared as the engine sees them: resolved through the
 * catalog (the usual route of a drug, fields read from the request line).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { Case, DisputedItem } from '../../model/case-schema.js';
import { resolveItem } from '../../predict/resolve-item.js';

export const FACT_KINDS = [
  'age_sex', 'dates', 'conditions', 'conditions_absent', 'findings', 'findings_absent', 'treatments',
  'treatment_details', 'procedures', 'procedure_levels', 'studies', 'work_status', 'pain_score',
  'item_treatment', 'item_route', 'item_quantity', 'item_visits', 'item_region', 'item_levels',
  'outcomes', 'citation_document', 'citation_sections',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type Atoms = Record<FactKind, Set<string>>;

export function caseAtoms(kase: Case, catalog: Catalog, itemKeys: readonly string[] = kase.items.map((_, i) => String(i))): Atoms {
  const a = Object.fromEntries(FACT_KINDS.map((k) => [k, new Set<string>()])) as Atoms;
  const add = (kind: FactKind, ...values: (string | undefined)[]) => values.forEach((v) => v !== undefined && a[kind].add(v));
  if (kase.patient?.age !== undefined) add('age_sex', `age=${kase.patient.age}`);
  if (kase.patient?.sex) add('age_sex', `sex=${kase.patient.sex}`);
  for (const key of ['injury', 'request', 'ur_denial', 'last_visit'] as const) if (kase.dates?.[key]) add('dates', `${key}=${kase.dates[key]}`);
  add('conditions', ...(kase.conditions ?? []));
  add('conditions_absent', ...(kase.conditions_absent ?? []));
  add('findings', ...(kase.findings ?? []));
  add('findings_absent', ...(kase.findings_absent ?? []));
  for (const t of kase.treatments ?? []) {
    add('treatments', t.treatment);
    if (t.current !== undefined) add('treatment_details', `${t.treatment}:current=${t.current}`);
    if (t.response) add('treatment_details', `${t.treatment}:response=${t.response}`);
    if (t.pain_relief !== undefined) add('treatment_details', `${t.treatment}:pain_relief=${t.pain_relief}`);
    if (t.functional_improvement !== undefined) add('treatment_details', `${t.treatment}:functional_improvement=${t.functional_improvement}`);
    if (t.visits !== undefined) add('treatment_details', `${t.treatment}:visits=${t.visits}`);
  }
  for (const p of kase.procedures ?? []) {
    add('procedures', p.procedure);
    for (const l of p.levels ?? []) add('procedure_levels', `${p.procedure}@${l}`);
  }
  for (const s of kase.studies ?? []) add('studies', `${s.study}:${(s.body_region ?? []).slice().sort().join('+') || '?'}`);
  if (kase.work_status) add('work_status', kase.work_status);
  if (kase.pain_score !== undefined) add('pain_score', String(kase.pain_score));
  kase.items.forEach((item, i) => addItem(a, itemKeys[i] ?? String(i), item, i, catalog));
  return a;
}

function addItem(a: Atoms, key: string, item: DisputedItem, index: number, catalog: Catalog): void {
  const { resolved, ingredients } = resolveItem(item, index + 1, catalog);
  const it = resolved.item;
  const put = (kind: FactKind, v: string | number | undefined) => v !== undefined && a[kind].add(`${key}:${v}`);
  put('item_treatment', ingredients ? `compound(${[...ingredients].sort().join('+')})` : resolved.treatment);
  put('item_route', resolved.route);
  put('item_quantity', it.quantity);
  put('item_visits', it.visits);
  for (const r of it.body_region ?? []) put('item_region', r);
  for (const l of it.levels ?? []) put('item_levels', l);
  put('outcomes', item.actual?.outcome);
  const g = item.actual?.guideline;
  // Curators name the ACOEM chapters both ways ("MTUS Low Back Complaints", "MTUS ACOEM Practice Guidelines, Low Back Complaints").
  if (g?.document) put('citation_document', `${g.document.replace(/^MTUS ACOEM Practice Guidelines,\s*/, 'MTUS ')}|${g.edition ?? ''}`);
  for (const s of g?.sections ?? []) put('citation_sections', s.toLowerCase());
}
