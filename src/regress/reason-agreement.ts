/**
 * Reason agreement: does the criterion that decided a prediction stand for a reason the reviewer
 * gave? The reviewer's reasons are read from the decision rationale (src/rationale/), after the
 * prediction is made and apart from it: a rationale labels, it never changes a prediction or
 * feeds a fact. An item counts when a rule decided it and its rationale gives a readable reason.
 */
import type { ItemPrediction } from '../predict/predict-item.js';
import { reasons } from '../predict/reasons.js';
import { criterionReason } from '../rationale/criterion-reason.js';
import { readRationale } from '../rationale/read-rationale.js';
import { reasonData } from '../rationale/reason-data.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { ItemOutcome } from './item-outcome.js';

export interface ReasonComparison {
  /** the codes of the criteria that decided the prediction (criteria_met when it is overturned) */
  criteria: string[];
  /** the reviewer's codes read from the rationale, the primary first */
  reviewer: string[];
  /** some decisive criterion stands for one of the reviewer's reasons */
  agrees: boolean;
  /** the first decisive criterion (the first reason the explanation gives) does */
  first_agrees: boolean;
}

const MET = 'criteria_met';

/** The comparison for one prediction, or null when no rule decided it or the rationale gives no readable reason. */
export function compareReasons(ruleset: Ruleset, p: ItemPrediction): ReasonComparison | null {
  const rationale = p.item.actual?.rationale;
  if (!p.decisive || !rationale) return null;
  const data = reasonData(ruleset.dir);
  const reviewer = readRationale(rationale, { data, request: p.item.request, catalog: ruleset.catalog }).reasons.map((r) => r.code);
  if (reviewer.length === 0) return null;
  const criteria = p.prediction === 'overturned' ? [MET] : decisiveCodes(ruleset, p);
  return { criteria, reviewer, agrees: criteria.some((c) => reviewer.includes(c)), first_agrees: criteria[0] !== undefined && reviewer.includes(criteria[0]) };
}

/**
 * The codes of every criterion that keeps the deciding rule from being met (`reasons`: the failed
 * ones, then the undocumented ones that matter), failed first. A rule with alternatives ("a first
 * course, or more sessions with documented improvement") fails through all of them at once, so no
 * single criterion speaks for it alone.
 */
function decisiveCodes(ruleset: Ruleset, p: ItemPrediction): string[] {
  const e = p.decisive!;
  const r = reasons(e);
  const data = reasonData(ruleset.dir);
  const code = (undocumented: boolean) => (n: Parameters<typeof criterionReason>[1]) => criterionReason(e.evaluation.compiled, n, { data, catalog: ruleset.catalog, undocumented });
  const codes = [...r.failed.map(code(false)), ...r.unknown.map(code(true))].filter((c): c is string => c !== undefined);
  return [...new Set(codes)];
}

export interface RuleReasonAgreement {
  rule: string;
  items: number;
  agree: number;
}

/** An item predicted right whose decisive criterion is not among the reviewer's reasons. */
export interface WrongReason {
  source: string;
  case: string;
  item: number;
  request: string;
  rule: string | null;
  criteria: string[];
  reviewer: string[];
}

export interface ReasonAgreementReport {
  /** share of the items compared whose decisive criteria's codes include one of the reviewer's; null when none */
  reason_agreement: number | null;
  /** the same for the first decisive criterion only (failed before undocumented) */
  reason_agreement_first: number | null;
  /** scored items a rule decided and whose rationale gives a readable reason */
  reason_compared: number;
  reason_rules: RuleReasonAgreement[];
  right_for_wrong_reason: WrongReason[];
}

export class ReasonAgreementCollector {
  private compared = 0;
  private agreed = 0;
  private firstAgreed = 0;
  private readonly perRule = new Map<string, RuleReasonAgreement>();
  private readonly wrong: WrongReason[] = [];

  /** Call for scored items only (a recorded outcome). */
  add(o: ItemOutcome): void {
    if (!o.reason) return;
    this.compared++;
    if (o.reason.agrees) this.agreed++;
    if (o.reason.first_agrees) this.firstAgreed++;
    if (o.rule) {
      const r = this.perRule.get(o.rule) ?? { rule: o.rule, items: 0, agree: 0 };
      r.items++;
      if (o.reason.agrees) r.agree++;
      this.perRule.set(o.rule, r);
    }
    if (!o.reason.agrees && o.predicted === o.actual) {
      this.wrong.push({ source: o.source, case: o.case, item: o.item, request: o.request, rule: o.rule, criteria: o.reason.criteria, reviewer: o.reason.reviewer });
    }
  }

  report(): ReasonAgreementReport {
    const share = (n: number) => (this.compared === 0 ? null : Math.round((n / this.compared) * 10000) / 10000);
    return {
      reason_agreement: share(this.agreed),
      reason_agreement_first: share(this.firstAgreed),
      reason_compared: this.compared,
      reason_rules: [...this.perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
      right_for_wrong_reason: this.wrong,
    };
  }
}
