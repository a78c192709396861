/**
 * The catalog: the ruleset's vocabulary of treatments and clinical terms. Rule authors extend it;
 * the request normaliser and the letter importer read names and synonyms from it.
 */
import { z } from 'zod';
import { IDENTIFIER, Route } from './vocabulary.js';

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

export const TermCatalogFile = z.strictObject({
  $schema: z.string().optional(),
  conditions: z.array(TermEntry).optional(),
  findings: z.array(TermEntry).optional(),
});
