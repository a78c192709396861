/** Predicts and explains every disputed item of a case. */
import type { Agreement } from '../advice/agreement.js';
import { summarizeItem, type ItemSummary } from '../advice/summary.js';
import type { Case } from '../model/case-schema.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { explainItem, type ItemExplanation } from './explain.js';
import { predictItem, type ItemPrediction, type PredictOptions } from './predict-item.js';

export interface EvaluateOptions extends PredictOptions {
  /** only this item (0-based) */
  item?: number;
  /** historical agreement per rule, for the confidence in each item's summary */
  agreement?: Agreement;
}

export interface CaseResult {
  case: string;
  revision: string;
  items: { prediction: ItemPrediction; explanation: ItemExplanation; summary: ItemSummary }[];
}

export async function evaluateCase(ruleset: Ruleset, kase: Case, opts: EvaluateOptions = {}): Promise<CaseResult> {
  const indices = opts.item === undefined ? kase.items.map((_, i) => i) : [opts.item];
  const items: CaseResult['items'] = [];
  for (const i of indices) {
    const prediction = await predictItem(ruleset, kase, i, opts);
    items.push({ prediction, explanation: explainItem(prediction), summary: summarizeItem(prediction, ruleset, opts.agreement) });
  }
  return { case: kase.id, revision: ruleset.revision, items };
}
