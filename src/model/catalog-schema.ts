/**
 * The catalog: the ruleset's vocabulary of treatments and clinical terms. Rule authors extend it;
 * the request normaliser and the letter importer read names and synonyms from it.
 */
import { z } from 'zod';
import { BodyRegion, IDENTIFIER, Route, Side } from './vocabulary.js';

const identifier = z.string().regex(IDENTIFIER, 'a snake_case identifier');

export const TREATMENT_KINDS = [
  'drug', 'compound', 'therapy', 'procedure', 'surgery', 'imaging', 'diagnostic', 'dme', 'evaluation', 'service',
] as const;

export const TreatmentEntry = z.strictObject({
  id: identifier,
  kind: z.enum(TREATMENT_KINDS),
  classes: z.array(identifier).optional().describe('drug classes or treatment families, most specific first'),
  names: z.array(z.string().min(1)).min(1).describe('generic, brand names and spellings as requests write them'),
  route: Route.optional().describe('the route when a request does not say'),
  ingredients: z.array(identifier).optional().describe('for compounds: catalog ids of the ingredients'),
  max_daily_doses: z.number().positive().optional().describe('most doses a day in labelled use: bounds the days a quantity lasts when no frequency is given'),
  context_names: z.array(z.string().min(1)).optional().describe('names that mean this treatment only beside another of its kind: "PT" is prothrombin time in "CBC, PT, PTT"'),
  combinations: z
    .array(z.strictObject({
      with: z.array(identifier).min(1).describe('catalog ids of the other ingredients'),
      names: z.array(z.string().min(1)).min(1).describe('brand and generic names of the fixed combination'),
    }))
    .optional()
    .describe('fixed-dose combination products led by this drug (Percocet is oxycodone with acetaminophen): the request reads as this drug, its ingredients beside it'),
});
export type TreatmentEntry = z.infer<typeof TreatmentEntry>;


export const TermEntry = z.strictObject({
  id: identifier,
  names: z.array(z.string().min(1)).optional().describe('synonyms as letters write them, for the importer'),
  implies: z.array(identifier).optional().describe('broader tags this one entails (crps_1 implies crps)'),
  red_flag: z.boolean().optional().describe('a red flag for a potentially serious condition'),
  description: z.string().optional(),
});
export type TermEntry = z.infer<typeof TermEntry>;

export const TreatmentCatalogFile = z.strictObject({
  $schema: z.string().optional(),
  classes: z.array(TermEntry).optional().describe('treatment classes; `implies` names broader classes'),
  treatments: z.array(TreatmentEntry).min(1),
});

const names = z.array(z.string().min(1)).min(1);
const PERIOPERATIVE = ['pre', 'post', 'any'] as const;

/** The words of a request that are not treatments: how a line is read, as data. */
export const RequestVocabularyFile = z.strictObject({
  $schema: z.string().optional(),
  regions: z
    .array(z.strictObject({
      id: BodyRegion,
      names,
      joint: z.boolean().optional().describe('a limb joint: a drug injected there is injected into the joint'),
      spine_letters: z.array(z.enum(['C', 'T', 'L', 'S'])).optional().describe('spinal levels with these letters (L4, S1) name this region when no word does'),
    }))
    .optional()
    .describe('body regions and the words that name them'),
  sided_regions: z
    .array(z.strictObject({ region: BodyRegion, side: Side, names }))
    .optional()
    .describe('words naming a region and a side at once: LUE, RLE, BUE'),
  sides: z
    .array(z.strictObject({
      id: Side,
      names,
      before_region: z.array(z.string().min(1)).optional().describe('short forms that mean the side only right before a region word ("R knee")'),
    }))
    .optional(),
  modifiers: z
    .array(z.strictObject({
      id: identifier,
      names,
      acquisition: z.enum(['purchase', 'rental']).optional(),
      retrospective: z.boolean().optional(),
      perioperative: z.enum(PERIOPERATIVE).optional().describe('the item serves a surgery: before it, after it, or either'),
    }))
    .optional()
    .describe('words that qualify the request: initial, additional, retrospective, post-operative, purchase ...'),
  specialties: z
    .array(z.strictObject({
      id: identifier,
      names,
      services: z.record(z.string(), identifier).optional().describe('service id → the treatment that service is with this specialty (consultation → surgical_consultation)'),
    }))
    .optional()
    .describe('medical specialties and specialists, for consultations, evaluations and referrals'),
  services: z
    .array(z.strictObject({ id: identifier, names, treatment: identifier.describe('the treatment this service is when no specialty says otherwise') }))
    .optional()
    .describe('head words of a service given by a specialty: consult, evaluation, referral, follow-up visit'),
  procedure_heads: z
    .array(z.strictObject({ id: identifier, names, route: Route.describe('the route of a drug given this way') }))
    .optional()
    .describe('words for giving a drug (injection, infusion): "injection of dexamethasone"'),
  routes: z.array(z.strictObject({ id: Route, names })).optional().describe('route words: IV, IM, by mouth, topical'),
  forms: z
    .array(z.strictObject({
      id: z.string().min(1),
      names,
      route: Route.optional().describe('the route this form implies for a drug'),
      drug_only: z.boolean().optional().describe('names a route only when a drug is named ("heat pads" are not a topical drug)'),
    }))
    .optional()
    .describe('dosage forms'),
  dose_frequencies: z
    .array(z.strictObject({ names, per_day: z.number().positive().optional(), as_needed: z.boolean().optional() }))
    .optional()
    .describe('how often a dose is taken: BID, TID, at bedtime, as needed'),
  units: z
    .array(z.strictObject({ id: z.string().min(1), names, measures: z.enum(['strength', 'amount']) }))
    .optional()
    .describe('units of a strength (mg, %) and of an amount dispensed (grams, ml)'),
  derived: z
    .array(z.strictObject({
      treatment: identifier.describe('the treatment the request is'),
      object: identifier.describe('when the object named is this treatment or of this class'),
      perioperative: z.enum(PERIOPERATIVE).optional().describe('... and the item serves a surgery so'),
      head: identifier.optional().describe('... and a procedure head gives it (injection)'),
      vehicles: z.array(identifier).optional().describe('other drugs that may come with it (a local anaesthetic with a steroid)'),
      regions: z.array(BodyRegion).optional().describe('... and the request names one of these regions'),
      alone_among: z.array(identifier).optional().describe('... and the line names no other object of these classes (one pre-operative test, not several)'),
    }))
    .optional()
    .describe('a named object read together with its modifier, head or region is another treatment: a steroid injected is a corticosteroid injection, a brace for the knee is a knee brace'),
  combinations: z
    .array(z.strictObject({ treatment: identifier, objects: z.array(identifier).min(2) }))
    .optional()
    .describe('objects named together that make one treatment: EMG with NCS is the combined electrodiagnostic study'),
  perioperative_classes: z.array(identifier).optional().describe('treatment classes that serve a surgery by their nature (pre-operative clearance, assistant surgeon)'),
});
export type RequestVocabularyFile = z.infer<typeof RequestVocabularyFile>;
export type RequestVocabulary = Omit<RequestVocabularyFile, '$schema'>;

export const TermCatalogFile = z.strictObject({
  $schema: z.string().optional(),
  conditions: z.array(TermEntry).optional(),
  findings: z.array(TermEntry).optional(),
});
