/**
 * Builds the case from the parsed letter and the extracted facts, recording for every fact the
 * sentence it came from (case path, sentence, offsets in the normalised letter text).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { Case, DisputedItem } from '../../model/case-schema.js';

type Evidence = NonNullable<Case['evidence']>[number];
import type { LetterHeader } from '../letter/header.js';
import type { LetterItem } from '../letter/items.js';
import type { Reviewer } from '../letter/reviewer.js';
import type { Span } from '../letter/span.js';
import type { Sentence } from '../nlp/sentences.js';
import { extractBodyRegions } from '../extract/body-regions.js';
import { extractClaimDates } from '../extract/claim-dates.js';
import { extractConditions } from '../extract/conditions.js';
import { plannedByRequest } from '../extract/course-of-care.js';
import type { ExtractionContext, Found } from '../extract/context.js';
import { extractFindings } from '../extract/findings.js';
import { extractFunctionalImprovement } from '../extract/function.js';
import { extractPainScore } from '../extract/pain-score.js';
import { extractPatient } from '../extract/patient.js';
import { extractProcedures } from '../extract/procedures.js';
import { extractRecordsShow } from '../extract/records-show.js';
import { extractStudies } from '../extract/studies.js';
import { extractSurgeryConsidered } from '../extract/surgery-considered.js';
import { extractSymptomDurations } from '../extract/symptom-duration.js';
import { extractTreatmentToDate } from '../extract/treatment-list.js';
import { extractTreatments } from '../extract/treatments.js';
import { extractWorkStatus } from '../extract/work-status.js';
import { actualOf, linkSurgery, normaliseItem } from './items.js';

export interface LetterParts {
  file: string;
  letter: string;
  header: LetterHeader;
  headerSpan: Span;
  reviewer: Reviewer | undefined;
  summary: Span;
  items: LetterItem[];
}

export interface Assembled {
  kase: Case;
  notices: string[];
}

export function assembleCase(parts: LetterParts, ctx: ExtractionContext, catalog: Catalog, id: string): Assembled {
  const evidence: Evidence[] = [];
  const notices: string[] = [];
  const cite = (path: string, from: Sentence | Span & { text: string }) => evidence.push({ path, text: from.text, start: from.start, end: from.end });
  const kase: Partial<Case> & { id: string } = { id, source: parts.file };
  if (parts.header.case_number) kase.case_number = parts.header.case_number;

  const patient = extractPatient(ctx);
  if (patient.age || patient.sex) {
    kase.patient = {};
    if (patient.age) (kase.patient.age = patient.age.value), cite('patient.age', patient.age.from);
    if (patient.sex) (kase.patient.sex = patient.sex.value), cite('patient.sex', patient.sex.from);
  }

  const d = extractClaimDates(ctx, parts.header);
  const dates: NonNullable<Case['dates']> = {};
  const headerLine = (label: RegExp) => lineOf(parts.letter, parts.headerSpan, label);
  const put = (key: keyof typeof dates, found: { value: string; from: Sentence | 'header' } | undefined, label?: RegExp) => {
    if (!found) return;
    dates[key] = found.value;
    const from = found.from === 'header' ? label && headerLine(label) : found.from;
    if (from) cite(`dates.${key}`, from);
  };
  put('injury', d.injury, /Date of Injury:/);
  if (d.otherInjury) {
    cite('dates.injury', d.otherInjury.from);
    notices.push(`the summary gives the injury date ${d.otherInjury.value}; the header's ${dates.injury} is kept`);
  }
  put('request', d.request);
  put('ur_denial', d.ur_denial, /UR Denial Date:/);
  put('last_visit', d.last_visit);
  if (d.assigned) dates.assigned = d.assigned;
  if (d.decision) dates.decision = d.decision;
  if (Object.keys(dates).length > 0) kase.dates = dates;
  if (parts.reviewer) kase.reviewer = parts.reviewer;

  const conditions = extractConditions(ctx);
  list(kase, 'diagnoses', conditions.diagnoses, cite);
  list(kase, 'conditions', conditions.present, cite);
  list(kase, 'conditions_absent', conditions.absent, cite);
  list(kase, 'body_regions', extractBodyRegions(ctx), cite);
  const findings = extractFindings(ctx);
  list(kase, 'findings', findings.present, cite);
  list(kase, 'findings_absent', findings.absent, cite);
  single(kase, 'pain_score', extractPainScore(ctx), cite);
  single(kase, 'work_status', extractWorkStatus(ctx), cite);
  single(kase, 'functional_improvement', extractFunctionalImprovement(ctx), cite);

  const durations = extractSymptomDurations(ctx, kase.dates?.injury);
  if (durations.length > 0) {
    kase.symptom_duration = durations.map((d) => d.value);
    durations.forEach((d, i) => cite(`symptom_duration.${i}`, d.from));
  }
  const listed = extractTreatmentToDate(ctx);
  if (listed) (kase.treatment_to_date = listed.value), cite('treatment_to_date', listed.from);

  const treatments = extractTreatments(ctx);
  if (treatments.length > 0) {
    kase.treatments = treatments.map((t) => t.value);
    treatments.forEach((t, i) => [t.from, ...t.also].forEach((s) => cite(`treatments.${i}`, s)));
  }
  const procedures = extractProcedures(ctx);
  if (procedures.length > 0) {
    kase.procedures = procedures.map((p) => p.value);
    procedures.forEach((p, i) => [p.from, ...p.also].forEach((s) => cite(`procedures.${i}`, s)));
  }
  list(kase, 'studies', extractStudies(ctx), cite);

  const letterDate = parts.header.decision ?? parts.header.ur_denial ?? latestDate(kase.dates);
  const read: DisputedItem[] = parts.items.map((li) => normaliseItem(li, catalog));
  const items = read.map((item) => linkSurgery(item, read, kase.procedures ?? [], catalog));
  items.forEach((item, i) => {
    const li = parts.items[i]!;
    cite(`items.${i}`, { text: li.request, ...li.requestSpan });
    const shown = extractRecordsShow(ctx, item, catalog);
    if (shown) (item.records_show = shown.value), cite(`items.${i}.records_show`, shown.from);
    item.actual = actualOf(parts.letter, li, letterDate);
    // The reading closes the item: the words and what was made of them first.
    const reading = item.reading;
    delete item.reading;
    if (reading) item.reading = reading;
    if (!li.maximusGuideline) notices.push(`item ${i + 1} ("${li.request}") has no "MAXIMUS guideline:" paragraph`);
  });
  kase.items = items;
  const planned = plannedByRequest(items, catalog);
  if (planned >= 0 && !kase.findings?.includes('invasive_procedure_planned')) {
    kase.findings = [...(kase.findings ?? []), 'invasive_procedure_planned'];
    cite(`findings.${kase.findings.length - 1}`, { text: parts.items[planned]!.request, ...parts.items[planned]!.requestSpan });
  }

  const considered = extractSurgeryConsidered(ctx);
  if (considered) single(kase, 'surgery_considered', considered, cite);
  else {
    // A surgery requested in this letter is a surgery being considered.
    const i = items.findIndex((it) => it.treatment !== undefined && catalog.treatment(it.treatment)?.kind === 'surgery' && !it.associated_surgery);
    if (i >= 0) (kase.surgery_considered = true), cite('surgery_considered', { text: parts.items[i]!.request, ...parts.items[i]!.requestSpan });
  }

  kase.summary = parts.letter.slice(parts.summary.start, parts.summary.end).replace(/\s*\n\s*/g, ' ');
  kase.evidence = evidence;
  return { kase: ordered(kase as Case), notices };
}

type ListKey = 'diagnoses' | 'conditions' | 'conditions_absent' | 'body_regions' | 'findings' | 'findings_absent' | 'studies';
function list<K extends ListKey>(kase: Partial<Case>, key: K, found: Found<NonNullable<Case[K]>[number]>[], cite: (path: string, s: Sentence) => void): void {
  if (found.length === 0) return;
  (kase as Record<string, unknown>)[key] = found.map((f) => f.value);
  found.forEach((f, i) => cite(`${key}.${i}`, f.from));
}

type SingleKey = 'pain_score' | 'work_status' | 'functional_improvement' | 'surgery_considered';
function single<K extends SingleKey>(kase: Partial<Case>, key: K, found: Found<NonNullable<Case[K]>> | undefined, cite: (path: string, s: Sentence) => void): void {
  if (!found) return;
  (kase as Record<string, unknown>)[key] = found.value;
  cite(key, found.from);
}

function lineOf(letter: string, span: Span, label: RegExp): (Span & { text: string }) | undefined {
  const block = letter.slice(span.start, span.end);
  const m = label.exec(block);
  if (!m) return undefined;
  const lineStart = block.lastIndexOf('\n', m.index) + 1;
  const lineEnd = block.indexOf('\n', m.index);
  const text = block.slice(lineStart, lineEnd < 0 ? block.length : lineEnd);
  return { text, start: span.start + lineStart, end: span.start + lineStart + text.length };
}

function latestDate(dates: Case['dates']): string | undefined {
  return Object.values(dates ?? {}).filter((v): v is string => typeof v === 'string').sort().at(-1);
}

const ORDER: (keyof Case)[] = [
  '$schema', 'id', 'source', 'case_number', 'patient', 'dates', 'reviewer', 'diagnoses', 'conditions', 'conditions_absent',
  'body_regions', 'findings', 'findings_absent', 'pain_score', 'work_status', 'functional_improvement', 'surgery_considered',
  'symptom_duration', 'treatment_to_date', 'treatments', 'procedures', 'studies', 'items', 'summary', 'evidence',
];

/** Keys in the case format's order, so files read the same way as hand-written cases. */
function ordered(kase: Case): Case {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (kase[k] !== undefined) out[k] = kase[k];
  return out as Case;
}
