/**
 * Runs a rule's examples the way `mtus check` runs a case: each example becomes a one-item case,
 * is predicted against the whole ruleset (so compounds see their ingredients' rules), and the
 * example's own rule must be selected, reach the expected outcome, and fail or leave undocumented
 * exactly the criteria the example names.
 */
import { checkCaseSemantics } from '../cases/case-semantics.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import type { Case } from '../model/case-schema.js';
import type { RuleExample } from '../model/rule-schema.js';
import { predictItem, type Evaluated } from '../predict/predict-item.js';
import { reasons } from '../predict/reasons.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { editionsOf, type Edition } from '../ruleset/editions.js';

export interface ExampleResult {
  rule: CompiledRule;
  index: number;
  example: RuleExample;
  /** the edition the example ran under, when it ran once per edition */
  edition: string | undefined;
  passed: boolean;
  /** what went wrong, one line each */
  failures: string[];
  /** the rule's evaluation, when it was selected (coverage reads it) */
  evaluated: Evaluated | undefined;
}

export function exampleCase(rule: CompiledRule, index: number, example: RuleExample): Case {
  return {
    ...(example.case ?? {}),
    id: `${rule.rule.id}#${index + 1}`,
    source: rule.file,
    items: [example.item],
  } as Case;
}

export async function runExample(ruleset: Ruleset, rule: CompiledRule, index: number, edition?: Edition): Promise<ExampleResult> {
  const example = rule.rule.examples[index]!;
  const kase = exampleCase(rule, index, example);
  const result = (failures: string[], evaluated?: Evaluated): ExampleResult => ({
    rule, index, example, edition: edition?.source.edition, passed: failures.length === 0, failures, evaluated,
  });
  const problems = checkCaseSemantics(kase, ruleset.catalog);
  if (problems.length > 0) return result(problems.map((p) => `${p.code}: ${p.message}`));

  const asOf = example.as_of ?? edition?.effective.from;
  const prediction = await predictItem(ruleset, kase, 1, asOf ? { asOf } : {});
  const own = prediction.evaluations.find((e) => e.evaluation.compiled === rule && e.ingredient === undefined);
  if (!own) {
    const selected = prediction.evaluations.map((e) => e.evaluation.compiled.rule.id);
    return result([
      `the rule does not apply to its example (treatment ${prediction.resolved.treatment ?? 'unresolved'}, route ${prediction.resolved.route ?? 'unknown'}, as of ${prediction.asOf.date}; selected: ${selected.join(', ') || 'none'})`,
    ]);
  }
  const failures: string[] = [];
  // A rule that judges its example while the item as a whole gets no prediction decides nothing
  // (e.g. a compound whose other ingredient has no rule): the example would pass for a dead rule.
  if (prediction.prediction === 'no_rule') {
    failures.push(`the item gets no prediction although the rule judges it (${prediction.noRule?.reason ?? 'no_rule'}${prediction.noRule?.detail ? `: ${prediction.noRule.detail}` : ''})`);
  }
  if (own.evaluation.outcome !== example.expect.outcome) {
    failures.push(`expected ${example.expect.outcome}, got ${own.evaluation.outcome}`);
  }
  const r = reasons(own);
  compareIds('not met', example.expect.not_met ?? [], r.failed.map((n) => n.id ?? '(unnamed)'), failures);
  compareIds('not documented', example.expect.not_documented ?? [], r.unknown.map((n) => n.id), failures);
  return result(failures, own);
}

/**
 * The dates an example runs at: its own `as_of` or case dates when it gives them, otherwise the
 * first day of every edition, so each edition's selection is exercised.
 */
export function exampleRuns(rule: CompiledRule, index: number): (Edition | undefined)[] {
  const example = rule.rule.examples[index]!;
  const dated = example.as_of !== undefined || example.case?.dates !== undefined || example.item.request_date !== undefined;
  return dated ? [undefined] : editionsOf(rule.rule);
}

function compareIds(label: string, expected: readonly string[], actual: readonly string[], failures: string[]): void {
  const want = [...new Set(expected)].sort();
  const got = [...new Set(actual)].sort();
  if (want.join(',') !== got.join(',')) {
    failures.push(`${label}: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
}

export async function runAllExamples(ruleset: Ruleset, rules: readonly CompiledRule[] = ruleset.rules): Promise<ExampleResult[]> {
  const out: ExampleResult[] = [];
  for (const rule of rules) {
    for (let i = 0; i < rule.rule.examples.length; i++) {
      for (const edition of exampleRuns(rule, i)) out.push(await runExample(ruleset, rule, i, edition));
    }
  }
  return out;
}
