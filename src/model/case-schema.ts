/**
 * The case format: what the records document about one injured worker and the disputed items.
 * Nothing here has a default. A fact the records do not state is simply absent, and the evaluator
 * reports criteria over it as "not documented". Lists hold what the records state; how a fact reads
 * the absence of an entry is part of that fact's definition (`mtus facts` describes each).
 */
import { z } from 'zod';
import {
  ACQUISITIONS, BodyRegion, fromVocabulary, IDENTIFIER, Outcome, PREDICTIONS, Response, Route, SEXES, SPINE_LEVEL,
  SPINE_SEGMENT, Side, WorkStatus,
} from './vocabulary.js';

const isoDate = z.iso.date().describe('a date, YYYY-MM-DD');
const tag = z.string().regex(IDENTIFIER, 'a snake_case identifier from the catalog');
const treatmentId = tag.meta(fromVocabulary('treatment-or-class'));
const conditionTag = tag.meta(fromVocabulary('condition'));
const findingTag = tag.meta(fromVocabulary('finding'));
// One regular expression, not a refinement, so the JSON Schema (editors, the fast validator) has it too.
const spineLevelOrSegment = z
  .string()
  .regex(new RegExp(`${SPINE_LEVEL.source}|${SPINE_SEGMENT.source}`), 'a spinal level (L5) or segment (L4-L5)');

/** Where a fact came from in the source letter: the sentence and its character offsets. */
export const Evidence = z.strictObject({
  path: z.string().describe('the case path the evidence supports, e.g. conditions or treatments.2'),
  text: z.string().describe('the sentence it was read from'),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

export const GuidelineCitation = z.strictObject({
  text: z.string().describe('the citation as written in the letter'),
  document: z.string().optional(),
  edition: z.string().optional(),
  sections: z.array(z.string()).optional(),
  pages: z.string().optional(),
  mtus: z.boolean().optional().describe('false when the reviewer relied on non-MTUS guidance'),
});
export type GuidelineCitation = z.infer<typeof GuidelineCitation>;

/** A treatment the worker has had or is having, and how it went. */
export const TreatmentHistoryEntry = z.strictObject({
  treatment: treatmentId.describe('catalog id: a drug (cyclobenzaprine), a class (antidepressant) or a modality (physical_therapy)'),
  as_written: z.string().optional(),
  route: Route.optional(),
  strength: z.string().optional(),
  body_region: z.array(BodyRegion).optional(),
  start: isoDate.optional(),
  end: isoDate.optional(),
  duration_weeks: z.number().nonnegative().optional().describe('documented duration when no start date is given ("for at least 8 months")'),
  current: z.boolean().optional().describe('still being taken or given at the time of the request'),
  visits: z.number().int().nonnegative().optional().describe('sessions completed, for therapies'),
  response: Response.optional(),
  pain_relief: z.boolean().optional().describe('documented reduction in pain from this treatment'),
  functional_improvement: z.boolean().optional().describe('documented functional improvement (8 CCR 9792.20): better ADLs, fewer work restrictions or less dependence on care'),
  adverse_effects: z.boolean().optional(),
  symptoms_persist: z.boolean().optional().describe('symptoms persisted during or after this treatment ("persistent pain despite physical therapy", "no change"); false when they resolved with it'),
});
export type TreatmentHistoryEntry = z.infer<typeof TreatmentHistoryEntry>;

/** A prior surgery or procedure; fusions carry their fused segments. */
export const Procedure = z.strictObject({
  procedure: treatmentId.describe('catalog id, e.g. fusion, laminectomy, medial_branch_block, carpal_tunnel_release'),
  as_written: z.string().optional(),
  body_region: z.array(BodyRegion).optional(),
  side: Side.optional(),
  levels: z.array(spineLevelOrSegment).optional().describe('spinal segments (L4-L5) or levels (L5) treated'),
  date: isoDate.optional(),
  response: Response.optional(),
  pain_relief_percent: z.number().min(0).max(100).optional(),
  relief_weeks: z.number().nonnegative().optional(),
});
export type Procedure = z.infer<typeof Procedure>;

/** A prior diagnostic study (imaging, electrodiagnostics). */
export const Study = z.strictObject({
  study: treatmentId.describe('catalog id: mri, ct, xray, emg, ncs, bone_scan, ...'),
  body_region: z.array(BodyRegion).optional(),
  date: isoDate.optional(),
  result: z.string().optional(),
});
export type Study = z.infer<typeof Study>;

/** How long symptoms have lasted, as one sentence of the summary states it. */
export const SymptomDuration = z.strictObject({
  weeks: z.number().nonnegative().optional().describe('how long the symptoms had lasted when stated ("for 3 months" = 13; "over a year" = 52): a lower bound'),
  onset: isoDate.optional().describe('the date the symptoms began ("since 10/18/2016", "since the injury"); for a month or a year alone, its last day, the latest onset the words allow'),
  as_of: isoDate.optional().describe('the date of the note that states the duration, when the summary gives it'),
  body_region: z.array(BodyRegion).optional().describe('the regions whose symptoms the sentence dates; absent when it names none'),
  as_written: z.string().optional(),
});
export type SymptomDuration = z.infer<typeof SymptomDuration>;

/** The summary's own list of the treatment to date ("Treatment to date has included physical therapy and medications"). */
export const TreatmentToDate = z.strictObject({
  listed: z.array(tag).describe('catalog ids (treatments or classes) the list names; empty when it names none the catalog knows'),
  other: z.array(z.string()).optional().describe('items of the list that name no catalog treatment, as written ("medications", "work restrictions")'),
});
export type TreatmentToDate = z.infer<typeof TreatmentToDate>;

/** What the records show was requested, when it differs from the disputed item as worded. */
export const RecordedRequest = z.strictObject({
  treatment: treatmentId.optional(),
  route: Route.optional(),
  strength: z.string().optional(),
  text: z.string().optional(),
});

export const READING_ROLES = [
  'object', 'ingredient', 'service', 'specialty', 'modifier', 'region', 'side', 'level', 'strength', 'form', 'route',
  'quantity', 'count', 'dose_frequency', 'rate', 'duration', 'refills', 'supply', 'hours',
] as const;

/** One part of a request line: what it says (role and normalised value) and where (offsets in the request). */
export const ReadingPart = z.strictObject({
  role: z.enum(READING_ROLES),
  value: z.union([z.string(), z.number()]).describe('catalog id, vocabulary id, or the number it states'),
  text: z.string().describe('the words as written'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ReadingPart = z.infer<typeof ReadingPart>;

const NumberRange = z.strictObject({ min: z.number().nonnegative(), max: z.number().nonnegative() }).describe('a stated number or range ("1-2 times a week")');

/**
 * How the request line was read, kept beside the words: recognised once where the case is built
 * (import, case loading, normaliseCase) and read by prediction. Derived data: fields the case
 * states win over it.
 */
export const RequestReading = z.strictObject({
  recognised: z.boolean().describe('a treatment was read from the line'),
  treatment: tag.optional().describe('the treatment the line requests'),
  objects: z.array(tag).optional().describe('every treatment the line names, the principal first'),
  ingredients: z.array(tag).optional().describe('ingredients of a compounded or fixed-combination product'),
  modifiers: z.array(z.string()).optional().describe('initial, additional, retrospective, postoperative, purchase ...'),
  specialty: z.string().optional().describe('the specialty of a consultation, evaluation or referral'),
  perioperative: z.enum(['pre', 'post', 'any']).optional().describe('the item serves a surgery'),
  visits: NumberRange.optional(),
  weeks: NumberRange.optional(),
  per_week: NumberRange.optional(),
  days: NumberRange.optional().describe('duration of use or treatment in days'),
  refills: z.number().int().nonnegative().optional(),
  days_supply: z.number().positive().optional(),
  hours_per_week: z.number().positive().optional(),
  parts: z.array(ReadingPart),
});
export type RequestReading = z.infer<typeof RequestReading>;

export const DisputedItem = z.strictObject({
  request: z.string().min(1).describe('the item exactly as requested'),
  treatment: treatmentId.optional().describe('catalog id; resolved from the request text when absent'),
  ingredients: z.array(treatmentId).optional().describe('catalog ids of a compounded product'),
  route: Route.optional(),
  form: z.string().optional().describe('cream, patch, tablet, ...'),
  strength: z.string().optional(),
  quantity: z.number().nonnegative().optional(),
  frequency: z.string().optional().describe('as written: q8h, TID, 3 times a day, every 4-6 hours'),
  visits: z.number().int().positive().optional().describe('sessions requested, for therapies'),
  weeks: z.number().positive().optional().describe('over how many weeks the sessions are requested'),
  body_region: z.array(BodyRegion).optional(),
  side: Side.optional(),
  levels: z.array(spineLevelOrSegment).optional().describe('spinal levels (L4, L5, S1) or segments (L4-L5)'),
  acquisition: z.enum(ACQUISITIONS).optional(),
  rental_days: z.number().int().positive().optional(),
  associated_surgery: treatmentId.optional().describe('the surgery this item accompanies (post-operative therapy, DME)'),
  associated_surgery_authorized: z.boolean().optional().describe('the accompanying surgery is authorized (certified by UR or already done)'),
  ur_approved: z
    .strictObject({ text: z.string().optional(), visits: z.number().int().nonnegative().optional() })
    .optional()
    .describe('the part of the original request UR approved; the item is the remaining portion'),
  retrospective: z.boolean().optional(),
  request_date: isoDate.optional(),
  records_show: RecordedRequest.optional(),
  actual: z
    .strictObject({
      outcome: Outcome,
      guideline: GuidelineCitation.optional(),
      rationale: z.string().optional().describe('the reviewer\'s rationale: reference text only, never a source of facts'),
    })
    .optional()
    .describe('historical IMR decision, for regression'),
  expect: z.enum(PREDICTIONS).optional().describe('pin the prediction: a change fails `mtus regress`'),
  reading: RequestReading.optional().describe('how the request line was read (filled in when the case is built)'),
});
export type DisputedItem = z.infer<typeof DisputedItem>;

export const Case = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().min(1),
  source: z.string().min(1).describe('where the facts come from, e.g. the letter file'),
  case_number: z.string().optional(),
  patient: z.strictObject({ age: z.number().int().min(0).max(120).optional(), sex: z.enum(SEXES).optional() }).optional(),
  dates: z
    .strictObject({
      injury: isoDate.optional(),
      request: isoDate.optional().describe('date of the request for authorization or the requesting visit'),
      ur_denial: isoDate.optional(),
      assigned: isoDate.optional(),
      decision: isoDate.optional(),
      last_visit: isoDate.optional(),
    })
    .optional(),
  reviewer: z.strictObject({ specialty: z.string().optional(), licensure: z.array(z.string()).optional() }).optional(),
  diagnoses: z.array(z.string()).optional().describe('diagnoses as written'),
  conditions: z.array(conditionTag).optional().describe('normalised condition tags the records document'),
  conditions_absent: z.array(conditionTag).optional().describe('condition tags the records rule out ("does not have CRPS")'),
  body_regions: z.array(BodyRegion).optional().describe('symptomatic regions'),
  findings: z.array(findingTag).optional().describe('finding tags the records document (exam, symptoms, red flags)'),
  findings_absent: z.array(findingTag).optional().describe('finding tags the records document as absent ("negative straight leg raise")'),
  pain_score: z.number().min(0).max(10).optional(),
  work_status: WorkStatus.optional(),
  functional_improvement: z.boolean().optional().describe('overall functional improvement documented with the current regimen'),
  surgery_considered: z.boolean().optional().describe('the records say surgery is being considered or planned'),
  symptom_duration: z.array(SymptomDuration).optional().describe('how long symptoms have lasted, each as one sentence states it'),
  treatment_to_date: TreatmentToDate.optional().describe('the summary gives a list of the treatment to date; what it names (a presumption may read the list as closed)'),
  treatments: z.array(TreatmentHistoryEntry).optional(),
  procedures: z.array(Procedure).optional(),
  studies: z.array(Study).optional(),
  items: z.array(DisputedItem).min(1),
  summary: z.string().optional().describe('the clinical case summary, for reference'),
  evidence: z.array(Evidence).optional(),
});
export type Case = z.infer<typeof Case>;
