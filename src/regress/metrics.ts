/**
 * Aggregates item outcomes into the regression report as they stream in: the confusion matrix of
 * actual × predicted (no_rule counted as a miss), accuracy, balanced accuracy, overturned recall and
 * precision, the always-upheld baseline on the same items, per-rule and citation agreement.
 */
import type { Outcome, Prediction } from '../model/vocabulary.js';
import type { NoRuleReasonCode } from '../predict/no-rule.js';
import type { ItemOutcome } from './item-outcome.js';
import { ReasonAgreementCollector, type ReasonAgreementReport } from './reason-agreement.js';

export type Confusion = Record<Outcome, Record<Prediction, number>>;

export interface RuleAgreement {
  rule: string;
  items: number;
  agree: number;
}

export interface Mismatch {
  source: string;
  case: string;
  item: number;
  request: string;
  actual: string;
  predicted: string;
  rule: string | null;
  criteria: string[];
}

export interface RegressReport extends ReasonAgreementReport {
  revision: string;
  /** items with a recorded IMR outcome */
  items: number;
  /** of those, items some rule applied to */
  covered: number;
  actual: Record<Outcome, number>;
  confusion: Confusion;
  accuracy: number;
  balanced_accuracy: number;
  overturned_recall: number;
  overturned_precision: number | null;
  citation_agreement: number | null;
  baseline: { accuracy: number; balanced_accuracy: number };
  /** items without a prediction, by why (scored items only) */
  no_rule_reasons: Partial<Record<NoRuleReasonCode, number>>;
  /** request texts that could not be read, each once */
  unrecognised_requests: string[];
  rules: RuleAgreement[];
  mismatches: Mismatch[];
  /** all mismatches, when the list above was cut short */
  mismatch_count: number;
  /** items with a pinned `expect` */
  pinned: number;
  /** items whose pinned `expect` differs from the prediction */
  pinned_failures: Mismatch[];
  /** items without a recorded outcome (predicted, not scored) */
  unscored: number;
  /** inputs counted once because an earlier input was the same case */
  duplicates: string[];
  /** every prediction, when kept (for --json and --diff) */
  predictions?: ItemOutcome[];
}

/** The order-free part of a collector: numbers that add up the same in any order. */
export interface Counts {
  revision: string;
  confusion: Confusion;
  rules: RuleAgreement[];
  unscored: number;
  citationChecked: number;
  citationAgreed: number;
  mismatchCount: number;
}

const zero = (): Record<Prediction, number> => ({ upheld: 0, overturned: 0, no_rule: 0 });

export class RegressCollector {
  private readonly confusion: Confusion = { upheld: zero(), overturned: zero() };
  private readonly perRule = new Map<string, RuleAgreement>();
  private readonly mismatches: Mismatch[] = [];
  private readonly pinned: Mismatch[] = [];
  private readonly kept: ItemOutcome[] = [];
  private readonly noRuleReasons: Partial<Record<NoRuleReasonCode, number>> = {};
  private readonly unrecognised = new Set<string>();
  /** reason agreement, kept apart: it reads rationales, which never touch a prediction */
  private readonly reasons = new ReasonAgreementCollector();
  private citationChecked = 0;
  private citationAgreed = 0;
  private unscored = 0;
  private pinnedCount = 0;
  private mismatchCount = 0;
  private revision = '';
  /** which input first claimed each case identity */
  private readonly owner = new Map<string, string>();
  private readonly duplicates = new Map<string, string>();

  constructor(private readonly opts: { keepPredictions: boolean; maxMismatches?: number }) {}

  add(o: ItemOutcome): void {
    this.revision = o.revision;
    if (this.isDuplicate(o)) return;
    if (this.opts.keepPredictions) this.kept.push(o);
    if (o.expect) this.pinnedCount++;
    if (o.expect && o.expect !== o.predicted) this.pinned.push(mismatchOf(o, o.expect));
    if (o.actual === null) {
      this.unscored++;
      return;
    }
    this.confusion[o.actual][o.predicted]++;
    if (o.no_rule) {
      this.noRuleReasons[o.no_rule.reason] = (this.noRuleReasons[o.no_rule.reason] ?? 0) + 1;
      if (o.no_rule.reason === 'unrecognised_request') this.unrecognised.add(o.request);
    }
    this.reasons.add(o);
    if (o.rule) {
      const r = this.perRule.get(o.rule) ?? { rule: o.rule, items: 0, agree: 0 };
      r.items++;
      if (o.predicted === o.actual) r.agree++;
      this.perRule.set(o.rule, r);
    }
    if (o.citation_agrees !== null) {
      this.citationChecked++;
      if (o.citation_agrees) this.citationAgreed++;
    }
    if (o.predicted !== o.actual) {
      this.mismatchCount++;
      if (this.mismatches.length < (this.opts.maxMismatches ?? Infinity)) this.mismatches.push(mismatchOf(o, o.actual));
    }
  }

  /** Items scored so far: with a recorded outcome, each case counted once (the report's `items`). */
  scoredItems(): number {
    return sum(this.confusion.upheld) + sum(this.confusion.overturned);
  }

  /** True once the mismatch list is full: later mismatches only count. */
  mismatchesFull(): boolean {
    return this.mismatches.length >= (this.opts.maxMismatches ?? Infinity);
  }

  /** What this collector has counted, for another to merge (see counts-only.ts). */
  counts(): Counts {
    return {
      revision: this.revision, confusion: this.confusion, rules: [...this.perRule.values()], unscored: this.unscored,
      citationChecked: this.citationChecked, citationAgreed: this.citationAgreed, mismatchCount: this.mismatchCount,
    };
  }

  /** Adds counts made elsewhere, of outcomes that could change no list in the report, only numbers. */
  mergeCounts(c: Counts): void {
    if (c.revision) this.revision = c.revision;
    for (const actual of ['upheld', 'overturned'] as const) for (const [p, n] of Object.entries(c.confusion[actual])) this.confusion[actual][p as Prediction] += n;
    for (const r of c.rules) {
      const mine = this.perRule.get(r.rule) ?? { rule: r.rule, items: 0, agree: 0 };
      mine.items += r.items;
      mine.agree += r.agree;
      this.perRule.set(r.rule, mine);
    }
    this.unscored += c.unscored;
    this.citationChecked += c.citationChecked;
    this.citationAgreed += c.citationAgreed;
    this.mismatchCount += c.mismatchCount;
  }

  /** A case met twice counts once: the first input to claim any of its identities keeps it. */
  private isDuplicate(o: ItemOutcome): boolean {
    const first = o.identities.map((id) => this.owner.get(id)).find((src) => src !== undefined && src !== o.source);
    if (first !== undefined) {
      const shared = o.identities.find((id) => this.owner.get(id) === first)!;
      this.duplicates.set(o.source, `${o.source}: the same case as ${first} (${shared}); counted once`);
      return true;
    }
    for (const id of o.identities) if (!this.owner.has(id)) this.owner.set(id, o.source);
    return false;
  }

  report(): RegressReport {
    const c = this.confusion;
    const actualUpheld = sum(c.upheld);
    const actualOverturned = sum(c.overturned);
    const items = actualUpheld + actualOverturned;
    const covered = items - c.upheld.no_rule - c.overturned.no_rule;
    const upheldRecall = ratio(c.upheld.upheld, actualUpheld);
    const overturnedRecall = ratio(c.overturned.overturned, actualOverturned);
    const predictedOverturned = c.upheld.overturned + c.overturned.overturned;
    return {
      revision: this.revision,
      items,
      covered,
      actual: { upheld: actualUpheld, overturned: actualOverturned },
      confusion: c,
      accuracy: round(ratio(c.upheld.upheld + c.overturned.overturned, items)),
      balanced_accuracy: round(balanced(upheldRecall, overturnedRecall, actualUpheld, actualOverturned)),
      overturned_recall: round(overturnedRecall),
      overturned_precision: predictedOverturned === 0 ? null : round(c.overturned.overturned / predictedOverturned),
      citation_agreement: this.citationChecked === 0 ? null : round(this.citationAgreed / this.citationChecked),
      baseline: {
        accuracy: round(ratio(actualUpheld, items)),
        balanced_accuracy: round(balanced(actualUpheld > 0 ? 1 : 0, 0, actualUpheld, actualOverturned)),
      },
      no_rule_reasons: { ...this.noRuleReasons },
      unrecognised_requests: [...this.unrecognised],
      rules: [...this.perRule.values()].sort((a, b) => a.rule.localeCompare(b.rule)),
      mismatches: this.mismatches,
      mismatch_count: this.mismatchCount,
      pinned: this.pinnedCount,
      pinned_failures: this.pinned,
      unscored: this.unscored,
      duplicates: [...this.duplicates.values()],
      ...this.reasons.report(),
      ...(this.opts.keepPredictions ? { predictions: this.kept } : {}),
    };
  }
}

function mismatchOf(o: ItemOutcome, expected: string): Mismatch {
  return { source: o.source, case: o.case, item: o.item, request: o.request, actual: expected, predicted: o.predicted, rule: o.rule, criteria: o.criteria };
}

function sum(r: Record<string, number>): number {
  return Object.values(r).reduce((a, b) => a + b, 0);
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Mean recall over the classes present; with one class only, its recall. */
function balanced(upheldRecall: number, overturnedRecall: number, upheld: number, overturned: number): number {
  if (upheld > 0 && overturned > 0) return (upheldRecall + overturnedRecall) / 2;
  return upheld > 0 ? upheldRecall : overturned > 0 ? overturnedRecall : 0;
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
