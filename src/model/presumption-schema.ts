/**
 * Presumptions: how the tool reads the records' silence, declared as policy with its source
 * (rules/shared/presumptions.yaml). Each is implemented by the facts that name it; a presumption
 * the policy file does not declare is never applied, and `--strict` turns them all off.
 */
import { z } from 'zod';
import { KEBAB_ID } from './vocabulary.js';
import { Source } from './rule-schema.js';

export const Presumption = z.strictObject({
  id: z.string().regex(KEBAB_ID, 'a kebab-case id'),
  statement: z.string().min(1).describe('what is presumed, in one sentence: shown wherever it is used'),
  source: Source.describe('where the MTUS or the guideline says silence is read this way'),
  params: z.record(z.string(), z.union([z.number(), z.string()])).optional().describe('the numbers the reading needs, from the source'),
  notes: z.string().optional(),
});
export type Presumption = z.infer<typeof Presumption>;

export const PresumptionsFile = z.strictObject({
  $schema: z.string().optional(),
  presumptions: z.array(Presumption).min(1),
});
