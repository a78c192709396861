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
  // Views of the facts above, and facts of their own, for the positive evidence reviewers rely on:
  'neuro_findings', 'provocative_tests', 'comorbidities', 'course_of_care', 'symptom_duration', 'ongoing_therapy',
  'treatment_response', 'treatment_to_date', 'procedure_relief',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type Atoms = Record<FactKind, Set<string>>;

/** The neurological examination: sensory, reflex and motor deficits and radicular signs. */
const NEURO = new Set(['neuro_deficit', 'sensory_deficit', 'median_sensory_deficit', 'reflex_deficit', 'weakness', 'atrophy', 'radicular_signs', 'progressive_neuro_deficit']);
/** Provocative tests of the joints and nerves, besides the radicular ones (straight leg raise, Spurling). */
const TESTS = new Set(['impingement_sign', 'meniscal_signs', 'joint_instability', 'tinel_sign', 'phalen_sign', 'shoulder_labral_signs', 'drop_arm_sign']);
/** Comorbidities that weigh on pre-operative tests and drug choices. */
const COMORBID = new Set(['diabetes', 'hypertension', 'cardiovascular_disease', 'pulmonary_disease', 'renal_insufficiency', 'liver_disease', 'obesity', 'tobacco_use', 'peptic_ulcer', 'gi_bleeding']);
/** The course of care and its monitoring: the fifteen facts the importer once never produced. */
const COURSE_FINDINGS = new Set([
  'urine_drug_screen_consistent', 'urine_drug_screen_inconsistent', 'opioid_agreement', 'cures_reviewed', 'opioid_risk_screening',
  'treatment_goals', 'pain_medication_reduced', 'pain_medication_not_tolerated', 'flare_up', 'invasive_procedure_planned',
  'abnormal_electrodiagnostics', 'electrodiagnostic_radiculopathy', 'ncs_confirms_carpal_tunnel',
]);
const COURSE_CONDITIONS = new Set(['multiple_sclerosis', 'spinal_cord_injury', 'trigeminal_neuralgia']);

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
  const slice = (kind: FactKind, wanted: ReadonlySet<string>, present: readonly string[] | undefined, absent: readonly string[] | undefined) => {
    for (const f of present ?? []) if (wanted.has(f)) add(kind, `+${f}`);
    for (const f of absent ?? []) if (wanted.has(f)) add(kind, `-${f}`);
  };
  slice('neuro_findings', NEURO, kase.findings, kase.findings_absent);
  slice('provocative_tests', TESTS, kase.findings, kase.findings_absent);
  slice('comorbidities', COMORBID, kase.conditions, kase.conditions_absent);
  slice('course_of_care', COURSE_FINDINGS, kase.findings, kase.findings_absent);
  slice('course_of_care', COURSE_CONDITIONS, kase.conditions, kase.conditions_absent);
  for (const d of kase.symptom_duration ?? []) add('symptom_duration', d.onset ? `onset=${d.onset}` : d.weeks !== undefined ? `weeks=${Math.round(d.weeks)}` : undefined);
  if (kase.treatment_to_date) {
    add('treatment_to_date', 'stated');
    for (const id of kase.treatment_to_date.listed) add('treatment_to_date', `listed:${id}`);
  }
  for (const p of kase.procedures ?? []) {
    if (p.pain_relief_percent !== undefined) add('procedure_relief', `${p.procedure}:percent=${p.pain_relief_percent}`);
    if (p.relief_weeks !== undefined) add('procedure_relief', `${p.procedure}:weeks=${p.relief_weeks}`);
    if (p.response) add('procedure_relief', `${p.procedure}:response=${p.response}`);
  }
  for (const t of kase.treatments ?? []) {
    if (catalog.treatment(t.treatment)?.kind === 'therapy') {
      if (t.current !== undefined) add('ongoing_therapy', `${t.treatment}:current=${t.current}`);
      if (t.visits !== undefined) add('ongoing_therapy', `${t.treatment}:visits=${t.visits}`);
    }
    if (t.response) add('treatment_response', `${t.treatment}:response=${t.response}`);
    if (t.symptoms_persist !== undefined) add('treatment_response', `${t.treatment}:symptoms_persist=${t.symptoms_persist}`);
    if (t.pain_relief !== undefined) add('treatment_response', `${t.treatment}:pain_relief=${t.pain_relief}`);
    if (t.symptoms_persist !== undefined) add('treatment_details', `${t.treatment}:symptoms_persist=${t.symptoms_persist}`);
  }
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
