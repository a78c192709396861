/** Predicts and explains every disputed item of a case, once the case is known to be valid. */
import type { Agreement } from '../advice/agreement.js';
import { summarizeItem, type ItemSummary } from '../advice/summary.js';
import { checkAsOf } from '../cases/case-dates.js';
import { quickCase } from '../cases/case-shape.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import type { CaseValidation } from '../cases/validate-case.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../diagnostics/diagnostic.js';
import type { Case } from '../model/case-schema.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { explainItem, type ItemExplanation } from './explain.js';
import { predictItem, type ItemPrediction, type PredictOptions } from './predict-item.js';

export interface EvaluateOptions extends PredictOptions {
  /** only this item (1-based, as items are numbered everywhere) */
  item?: number;
  /** historical agreement per rule, for the confidence in each item's summary */
  agreement?: Agreement;
}

export interface CaseResult {
  case: string;
  revision: string;
  items: { prediction: ItemPrediction; explanation: ItemExplanation; summary: ItemSummary }[];
}

/**
 * Predicts each item (or item `opts.item`, numbered from 1) of a case. The case is validated first,
 * as a case file would be: an unknown treatment or tag, or an impossible date, throws an InputError
 * rather than quietly giving no_rule; so does an `asOf` that is not a date, is after today or is
 * before the injury.
 */
export async function evaluateCase(ruleset: Ruleset, input: Case, opts: EvaluateOptions = {}): Promise<CaseResult> {
  const valid = await validateInput(input, ruleset.catalog);
  if (!valid.ok) throw new InputError(valid.diagnostics);
  const kase = valid.kase;
  if (opts.asOf !== undefined) {
    const problem = !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(`${opts.asOf}T00:00:00Z`)) || new Date(`${opts.asOf}T00:00:00Z`).toISOString().slice(0, 10) !== opts.asOf
      ? { path: [], code: 'invalid-date', message: `asOf ${opts.asOf} is not a date YYYY-MM-DD` }
      : checkAsOf(opts.asOf, kase, 'asOf');
    if (problem) throw new InputError([{ file: `case ${kase.id}`, line: 0, column: 0, code: problem.code, message: problem.message }]);
  }
  const numbers = opts.item === undefined ? kase.items.map((_, i) => i + 1) : [opts.item];
  const items: CaseResult['items'] = [];
  for (const n of numbers) {
    const prediction = await predictItem(ruleset, kase, n, opts);
    items.push({ prediction, explanation: explainItem(prediction), summary: summarizeItem(prediction, ruleset, opts.agreement) });
  }
  return { case: kase.id, revision: ruleset.revision, items };
}

/**
 * validateCase, with zod loaded only for a case the quick check generated at build time does not
 * accept as it is (the warm path of `mtus check` validates its case without zod).
 */
async function validateInput(input: unknown, catalog: Catalog): Promise<CaseValidation> {
  const quick = quickCase(input);
  if (quick && checkCaseSemantics(quick, catalog).length === 0) return { ok: true, kase: quick };
  return (await import('../cases/validate-case.js')).validateCase(input, catalog);
}
