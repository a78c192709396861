/** Predicts and explains every disputed item of a case. */
import type { Case } from '../model/case-schema.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { explainItem, type ItemExplanation } from './explain.js';
import { predictItem, type ItemPrediction, type PredictOptions } from './predict-item.js';

export interface EvaluateOptions extends PredictOptions {
  /** only this item (1-based, as items are numbered everywhere) */
  item?: number;
}

export interface CaseResult {
  case: string;
  revision: string;
  items: { prediction: ItemPrediction; explanation: ItemExplanation }[];
}

export async function evaluateCase(ruleset: Ruleset, kase: Case, opts: EvaluateOptions = {}): Promise<CaseResult> {
  const numbers = opts.item === undefined ? kase.items.map((_, i) => i + 1) : [opts.item];
  const items: CaseResult['items'] = [];
  for (const n of numbers) {
    const prediction = await predictItem(ruleset, kase, n, opts);
    items.push({ prediction, explanation: explainItem(prediction) });
  }
  return { case: kase.id, revision: ruleset.revision, items };
}
