/**
 * Runs the leaf comparisons of the rules judging one item through json-rules-engine, in one run:
 * every distinct comparison once, however many of the rules name it (a shared criterion used by
 * several rules, the principles prepended to every rule, the same test written twice). Each
 * rule then reads its own leaves' results from that run. A comparison is its fact, parameters,
 * operator and value; its result depends on nothing else, so sharing it changes no status.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { FactContext } from '../facts/fact-context.js';
import type { Status } from './kleene.js';
import { CaseAlmanac, factReadId } from './case-almanac.js';
import type { CompiledRule, LeafNode } from './compiled-rule.js';
import { LIST_OPERATORS } from './operators.js';

export interface LeafResult {
  status: Status;
  factValue: unknown;
}

/** The distinct comparisons of a list of rules, and where each rule's leaves find theirs. */
interface Plan {
  leaves: LeafNode[];
  /** per rule, per leaf index: the position of its comparison in `leaves` */
  slots: number[][];
  /** idle engines: a run never shares an engine with another run in flight */
  idle: Engine[];
}

const comparisonKeys = new WeakMap<LeafNode, string>();

function comparisonOf(leaf: LeafNode): string {
  let key = comparisonKeys.get(leaf);
  if (key === undefined) {
    const { fact, params, operator, value } = leaf.criterion;
    key = JSON.stringify([fact, params ?? null, operator, value]);
    comparisonKeys.set(leaf, key);
  }
  return key;
}

/** Plans by the first rule, then by the ids of the rest: rules of different rulesets never share one. */
const plans = new WeakMap<CompiledRule, Map<string, Plan>>();
const ruleIds = new WeakMap<CompiledRule, number>();
let nextRuleId = 0;

function planFor(rules: readonly CompiledRule[]): Plan {
  const key = rules.map((r) => {
    let id = ruleIds.get(r);
    if (id === undefined) ruleIds.set(r, (id = nextRuleId++));
    return id;
  }).join(',');
  let byKey = plans.get(rules[0]!);
  if (!byKey) plans.set(rules[0]!, (byKey = new Map()));
  let plan = byKey.get(key);
  if (!plan) {
    const position = new Map<string, number>();
    const leaves: LeafNode[] = [];
    const slots = rules.map((r) => r.leaves.map((leaf) => {
      const k = comparisonOf(leaf);
      let at = position.get(k);
      if (at === undefined) {
        position.set(k, (at = leaves.length));
        leaves.push(leaf);
      }
      return at;
    }));
    plan = { leaves, slots, idle: [] };
    byKey.set(key, plan);
  }
  return plan;
}

function engineFor(plan: Plan): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of LIST_OPERATORS) engine.addOperator(op);
  engine.addRule({
    conditions: {
      all: plan.leaves.map(({ criterion: { fact, params, operator, value } }) => ({
        fact: factReadId(fact, params),
        operator,
        value: isFactReference(value) ? { fact: factReadId(value.fact, undefined) } : value,
      })),
    },
    event: { type: 'leaves' },
  });
  return engine;
}

interface EvaluatedCondition {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** Every rule's leaf results, by rule and leaf index, from one engine run. */
export async function runLeaves(rules: readonly CompiledRule[], ctx: FactContext): Promise<LeafResult[][]> {
  const judged = rules.filter((r) => r.leaves.length > 0);
  if (judged.length === 0) return rules.map(() => []);
  const plan = planFor(judged);
  const engine = plan.idle.pop() ?? engineFor(plan);
  let evaluated: EvaluatedCondition[];
  try {
    const { results, failureResults } = await engine.run({}, { almanac: new CaseAlmanac(ctx) });
    const ruleResult = (results[0] ?? failureResults[0]) as RuleResult;
    evaluated = (ruleResult.conditions as unknown as { all: EvaluatedCondition[] }).all;
  } finally {
    plan.idle.push(engine);
  }
  const results = plan.leaves.map((leaf, i) => leafResult(leaf, evaluated[i]!));
  let j = 0;
  return rules.map((r) => (r.leaves.length === 0 ? [] : plan.slots[j++]!.map((at) => results[at]!)));
}

const isFactReference = (v: unknown): v is { fact: string } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An undocumented fact (or compared fact) makes the leaf unknown, whatever the operator says. */
function leafResult(leaf: LeafNode, evaluated: EvaluatedCondition): LeafResult {
  const comparesFact = isFactReference(leaf.criterion.value);
  const undocumented = evaluated.factResult == null || (comparesFact && evaluated.valueResult == null);
  const status: Status = undocumented ? 'unknown' : evaluated.result === true ? 'met' : 'not_met';
  return { status, factValue: evaluated.factResult };
}
