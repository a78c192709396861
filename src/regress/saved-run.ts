/** Reads a saved run (`mtus regress --json`) for --diff, checking it is one before trusting it. */
import { z } from 'zod';
import { fileDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { readInputText } from '../io/read-input.js';
import { OUTCOMES, PREDICTIONS } from '../model/vocabulary.js';
import { NO_RULE_REASONS } from '../predict/no-rule.js';
import type { SavedRun } from './diff.js';

const SavedPrediction = z.looseObject({
  source: z.string(),
  case: z.string(),
  item: z.number().int().positive(),
  request: z.string(),
  treatment: z.string().nullable(),
  actual: z.enum(OUTCOMES).nullable(),
  predicted: z.enum(PREDICTIONS),
  expect: z.enum(PREDICTIONS).nullable(),
  rule: z.string().nullable(),
  citation: z.string().nullable(),
  citation_agrees: z.boolean().nullable(),
  criteria: z.array(z.string()),
  revision: z.string(),
  // Runs saved before no_rule reasons were recorded have none.
  no_rule: z.strictObject({ reason: z.enum(NO_RULE_REASONS), detail: z.string() }).nullable().default(null),
});
const Run = z.looseObject({ revision: z.string(), predictions: z.array(SavedPrediction) });

export function readSavedRun(file: string): SavedRun {
  const text = readInputText(file, file, 'run');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError([fileDiagnostic(file, 'json-syntax', `not JSON: ${(e as Error).message}`)]);
  }
  const run = Run.safeParse(value);
  if (!run.success) {
    const issue = run.error.issues[0]!;
    const where = issue.path.length ? ` (${issue.path.join('.')}: ${issue.message})` : '';
    throw new InputError([fileDiagnostic(file, 'not-a-run', `expected the output of \`mtus regress --json\`${where}`)]);
  }
  return { revision: run.data.revision, predictions: run.data.predictions.map((p) => ({ ...p, identities: [] })) };
}
