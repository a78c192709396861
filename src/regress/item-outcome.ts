/**
 * One line of a regression: a disputed item's prediction beside the IMR decision, with the
 * criteria that drove it. Plain data, so worker threads can send it back and reports can store it.
 */
import type { InputCase } from './inputs.js';
import type { Outcome, Prediction } from '../model/vocabulary.js';
import { formatCitation } from '../predict/citation.js';
import type { NoRule } from '../predict/no-rule.js';
import { predictItem, type ItemPrediction } from '../predict/predict-item.js';
import { reasons, satisfied } from '../predict/reasons.js';
import { editionAt } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { citationAgrees } from './citation-match.js';
import { compareReasons, type ReasonComparison } from './reason-agreement.js';

export interface ItemOutcome {
  source: string;
  case: string;
  /** 1-based position in the case */
  item: number;
  request: string;
  treatment: string | null;
  actual: Outcome | null;
  predicted: Prediction;
  /** why there is no prediction, when `predicted` is no_rule; null otherwise */
  no_rule: NoRule | null;
  /** a pinned prediction: a different one fails the run */
  expect: Prediction | null;
  rule: string | null;
  citation: string | null;
  /** does the rule's citation name the guideline the reviewer cited (null when either is missing) */
  citation_agrees: boolean | null;
  /** the criteria that drove the prediction, e.g. "not met: short-course-supply" */
  criteria: string[];
  revision: string;
  /** what identifies the case across inputs (see InputCase) */
  identities: string[];
  /** the decisive criteria's reason codes beside the reviewer's (null: no rule, or no readable rationale) */
  reason?: ReasonComparison | null;
}

export async function caseOutcomes(ruleset: Ruleset, input: InputCase): Promise<ItemOutcome[]> {
  const out: ItemOutcome[] = [];
  for (let i = 0; i < input.kase.items.length; i++) out.push(toOutcome(ruleset, input, await predictItem(ruleset, input.kase, i + 1)));
  return out;
}

function toOutcome(ruleset: Ruleset, input: InputCase, p: ItemPrediction): ItemOutcome {
  const rule = p.decisive?.evaluation.compiled.rule;
  const edition = rule ? editionAt(rule, p.asOf.date)?.source ?? rule.source : undefined;
  const cited = p.item.actual?.guideline?.text;
  return {
    source: input.source,
    case: input.kase.id,
    item: p.number,
    request: p.item.request,
    treatment: p.resolved.treatment ?? null,
    actual: p.item.actual?.outcome ?? null,
    predicted: p.prediction,
    no_rule: p.noRule ?? null,
    expect: p.item.expect ?? null,
    rule: rule?.id ?? null,
    citation: edition ? formatCitation(edition) : null,
    citation_agrees: edition && cited ? citationAgrees(edition, cited) : null,
    criteria: drivers(p),
    revision: ruleset.revision,
    identities: input.identities,
    reason: compareReasons(ruleset, p),
  };
}

function drivers(p: ItemPrediction): string[] {
  if (!p.decisive) {
    const open = p.ingredients?.filter((v) => v.prediction === 'no_rule').map((v) => v.ingredient) ?? [];
    return [open.length ? `no rule for ${open.join(', ')}` : `no rule for ${p.resolved.treatment ?? 'an unrecognised treatment'}`];
  }
  if (p.prediction === 'overturned') return satisfied(p.decisive).map((n) => `met: ${n.id ?? n.text}`);
  const r = reasons(p.decisive);
  return [...r.failed.map((n) => `not met: ${n.id ?? n.text}`), ...r.unknown.map((n) => `not documented: ${n.id}`)];
}
