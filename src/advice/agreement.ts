/**
 * Historical agreement per rule, the confidence shown beside a prediction: from the last
 * `mtus regress` run when one is recorded, else from the agreement file committed with the
 * ruleset (written by `npm run agreement` from a regress run over the bundled cases). Which one,
 * and for which ruleset revision, is always said.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegressReport, RuleAgreement } from '../regress/metrics.js';
import { LAST_RUN_FILE, readLastRun } from '../regress/last-run.js';

export const AGREEMENT_FILE = 'agreement.json';

/** The committed file: a regress run's headline figures and per-rule agreement. */
export interface AgreementFile {
  revision: string;
  date: string;
  inputs: string[];
  items: number;
  confusion: RegressReport['confusion'];
  accuracy: number;
  balanced_accuracy: number;
  baseline: RegressReport['baseline'];
  rules: RuleAgreement[];
}

export interface Agreement {
  source: 'last-run' | 'bundled';
  revision: string;
  date: string;
  inputs: string[];
  rules: ReadonlyMap<string, RuleAgreement>;
}

export interface Confidence {
  rule: string;
  agree: number;
  items: number;
  /** agree / items */
  rate: number;
  source: Agreement['source'];
  revision: string;
  date: string;
  /** the figures are for the ruleset revision being used */
  current: boolean;
}

/** A regress run as the agreement file records it. */
export function agreementFileFrom(report: RegressReport, inputs: string[], date = new Date()): AgreementFile {
  return {
    revision: report.revision,
    date: date.toISOString().slice(0, 10),
    inputs,
    items: report.items,
    confusion: report.confusion,
    accuracy: report.accuracy,
    balanced_accuracy: report.balanced_accuracy,
    baseline: report.baseline,
    rules: [...report.rules].sort((a, b) => a.rule.localeCompare(b.rule)),
  };
}

export function agreementFileOf(rulesDir: string): string {
  return join(rulesDir, AGREEMENT_FILE);
}

export function readAgreementFile(file: string): AgreementFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AgreementFile;
  } catch {
    return undefined;
  }
}

/** The last run when recorded (in the working directory), else the ruleset's committed file. */
export function loadAgreement(rulesDir: string, lastRunFile = LAST_RUN_FILE): Agreement | undefined {
  const last = readLastRun(lastRunFile);
  if (last) return { source: 'last-run', revision: last.revision, date: last.date, inputs: last.inputs, rules: byRule(last.rules) };
  const bundled = readAgreementFile(agreementFileOf(rulesDir));
  if (bundled) return { source: 'bundled', revision: bundled.revision, date: bundled.date, inputs: bundled.inputs, rules: byRule(bundled.rules) };
  return undefined;
}

export function confidenceOf(rule: string, agreement: Agreement | undefined, revision: string): Confidence | null {
  const a = agreement?.rules.get(rule);
  if (!agreement || !a || a.items === 0) return null;
  return { rule, agree: a.agree, items: a.items, rate: a.agree / a.items, source: agreement.source, revision: agreement.revision, date: agreement.date, current: agreement.revision === revision };
}

/** "agreed with 7 of 8 IMR decisions (88%), last regress run 2026-11-02" */
export function confidenceText(c: Confidence | null, rule: string | null): string {
  if (!rule) return 'no rule applies, so there is no history to weigh';
  if (!c) return `no historical IMR decision was judged by ${rule}`;
  const where = c.source === 'last-run' ? `last regress run ${c.date.slice(0, 10)}` : `bundled cases, ${c.date.slice(0, 10)}`;
  const stale = c.current ? '' : `, ruleset ${c.revision} then`;
  return `${Math.round(100 * c.rate)}%: ${c.rule} agreed with ${c.agree} of ${c.items} IMR decision${c.items === 1 ? '' : 's'} (${where}${stale})`;
}

function byRule(rules: readonly RuleAgreement[]): Map<string, RuleAgreement> {
  return new Map(rules.map((r) => [r.rule, r]));
}
