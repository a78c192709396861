/**
 * The MTUS Drug Formulary as data: its policies with the regulation sections that state them
 * (rules/formulary/policies.yaml), and the MTUS Drug List (rules/formulary/mtus-drug-list.yaml, or
 * a list read from DWC's published file by `mtus formulary load`).
 */
import { z } from 'zod';

const isoDate = z.iso.date().describe('a date, YYYY-MM-DD');

export const FORMULARY_STATUSES = ['exempt', 'non_exempt'] as const;

export const DrugListEntry = z.strictObject({
  ingredient: z.string().min(1).describe('the active ingredient as the list names it (lower case)'),
  names: z.array(z.string().min(1)).optional().describe('other names requests write it by (spellings, combinations)'),
  brands: z.array(z.string().min(1)).optional().describe('brand names: a request naming one is a brand-name request'),
  generic_available: z.boolean().optional().describe('an FDA-approved generic exists (a brand-name Exempt drug then needs review, 9792.27.7)'),
  drug_class: z.string().optional(),
  status: z.enum(FORMULARY_STATUSES).describe('Exempt or Non-Exempt on the MTUS Drug List'),
  special_fill_days: z.number().int().positive().optional().describe('Special Fill (9792.27.12): the most days of supply allowed'),
  perioperative_fill_days: z.number().int().positive().optional().describe('Perioperative Fill (9792.27.13): the most days of supply allowed'),
  acoem_topics: z.array(z.string().min(1)).optional().describe('"Reference in ACOEM Guidelines": the guideline topics that discuss the drug'),
  verified: z.boolean().describe('true only when the row was checked against the public copy named in the list source'),
  note: z.string().optional(),
});
export type DrugListEntry = z.infer<typeof DrugListEntry>;

export const DrugListFile = z.strictObject({
  $schema: z.string().optional(),
  list: z.strictObject({
    version: z.string().min(1).describe('the MTUS Drug List version, e.g. v.3'),
    effective: isoDate.describe('the date this version took effect'),
    complete: z.boolean().describe('false for a partial list: a drug missing from it may still be listed'),
    source: z.string().min(1).describe('where the rows come from, and which public copy they were checked against'),
  }),
  drugs: z.array(DrugListEntry).min(1),
});
export type DrugListFile = z.infer<typeof DrugListFile>;

export const POLICY_IDS = [
  'scope',
  'exempt',
  'non_exempt',
  'unlisted',
  'physician_dispensed',
  'brand_name',
  'compounded',
  'off_label',
  'special_fill',
  'perioperative_fill',
] as const;
export type PolicyId = (typeof POLICY_IDS)[number];

export const FormularyPolicy = z.strictObject({
  id: z.enum(POLICY_IDS),
  title: z.string().min(1),
  section: z.string().min(1).describe('e.g. 8 CCR 9792.27.12'),
  rule: z.string().min(1).describe('the policy in a sentence, as the tool applies it'),
  quote: z.string().optional().describe('the regulation\'s own words'),
  url: z.string().optional().describe('the public copy the wording was checked against'),
  verified: z.boolean().describe('true only when the wording was checked against the named public copy'),
});
export type FormularyPolicy = z.infer<typeof FormularyPolicy>;

export const FormularyPoliciesFile = z.strictObject({
  $schema: z.string().optional(),
  policies: z.array(FormularyPolicy).min(1),
});
