/**
 * The short answer for one item: the prediction, the one criterion that decides it with its
 * citation, the deciding rule's historical agreement as confidence, and what to document (the
 * smallest changes that would turn an upheld prediction into overturned).
 */
import type { Status } from '../engine/kleene.js';
import type { Source } from '../model/rule-schema.js';
import type { Prediction } from '../model/vocabulary.js';
import { formatCitation } from '../predict/citation.js';
import type { ItemPrediction } from '../predict/predict-item.js';
import { editionAt } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { confidenceOf, type Agreement, type Confidence } from './agreement.js';
import { decisiveCriterion } from './decisive.js';
import { allOf, ruleRequirement, type Requirement } from './plan.js';

export interface DecisiveCriterion {
  rule: string;
  /** the criterion's id; null when the rule as a whole decides (a treatment not recommended) */
  id: string | null;
  /** in the guideline's words */
  text: string;
  /** the criterion it sits under, when it reads better with it */
  context: string | null;
  status: Status;
  citation: string;
}

export interface ItemSummary {
  prediction: Prediction;
  decisive: DecisiveCriterion | null;
  confidence: Confidence | null;
  /**
   * For an upheld item: what would make it overturned, when something can (either/or groups as
   * `any`); null otherwise.
   */
  to_document: Requirement | null;
  /** for an upheld item, whether anything documented or changed could turn it; null otherwise */
  can_change: boolean | null;
}

export function summarizeItem(p: ItemPrediction, ruleset: Ruleset, agreement: Agreement | undefined): ItemSummary {
  const d = p.decisive;
  if (p.prediction === 'no_rule' || !d) return { prediction: p.prediction, decisive: null, confidence: null, to_document: null, can_change: null };
  const rule = d.evaluation.compiled.rule;
  const everyRule = new Set([...ruleset.shared.values()].filter((s) => s.everyRule).map((s) => s.id));
  const found = decisiveCriterion(d, everyRule);
  const source: Source = editionAt(rule, p.asOf.date)?.source ?? rule.source;
  const cite = found?.node.cite;
  const decisive: DecisiveCriterion = {
    rule: rule.id,
    id: found?.node.id ?? null,
    text: found?.node.text ?? rule.title,
    context: found?.parent?.text ?? null,
    status: found ? d.evaluation.statusOf.get(found.node) ?? 'unknown' : d.evaluation.status,
    citation: formatCitation(cite ? { ...source, section: cite.section ?? source.section, pages: cite.pages ?? source.pages } : source),
  };
  const confidence = confidenceOf(rule.id, agreement, ruleset.revision);
  if (p.prediction === 'overturned') return { prediction: p.prediction, decisive, confidence, to_document: null, can_change: null };
  const plan = allOf(p.evaluations.filter((e) => e.evaluation.outcome === 'upheld').map(ruleRequirement));
  return { prediction: p.prediction, decisive, confidence, to_document: plan ?? null, can_change: plan !== undefined };
}
