/**
 * Runs the leaf comparisons of the rules judging one item through json-rules-engine, in one run:
 * every distinct comparison once, however many of the rules name it (a shared criterion used by
 * several rules, the principles prepended to every rule, the same test written twice). Each
 * rule then reads its own leaves' results from that run. A comparison is its fact, parameters,
 * operator and value; its result depends on nothing else, so sharing it changes no status.
 *
 * A comparison over an undocumented fact is "not documented" whatever its operator would say, so
 * the facts are read first (each once, memoised by the context) and only the comparisons over
 * documented facts go to the engine; about half of them, on the letters at hand.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { FactContext } from '../facts/fact-context.js';
import type { Status } from './kleene.js';
import { CaseAlmanac, factReadId, readFact } from './case-almanac.js';
import type { CompiledRule, LeafNode } from './compiled-rule.js';
import { LIST_OPERATORS } from './operators.js';

export interface LeafResult {
  status: Status;
  factValue: unknown;
}

/** The distinct comparisons of a list of rules, and where each rule's leaves find theirs. */
interface Plan {
  leaves: LeafNode[];
  /** per comparison, the fact reads of its fact and of the fact it compares with */
  reads: { fact: string; ref: string | undefined }[];
  /** per rule, per leaf index: the position of its comparison in `leaves` */
  slots: number[][];
  /** idle engines by the comparisons they hold: a run never shares an engine with another in flight */
  engines: Map<string, Engine[]>;
}

/** Engines kept per plan, one for each set of documented comparisons met (a few, in practice). */
const MAX_ENGINE_SETS = 64;

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
    const reads = leaves.map(({ criterion: { fact, params, value } }) => ({
      fact: factReadId(fact, params),
      ref: isFactReference(value) ? factReadId(value.fact, undefined) : undefined,
    }));
    plan = { leaves, reads, slots, engines: new Map() };
    byKey.set(key, plan);
  }
  return plan;
}

function engineFor(plan: Plan, comparisons: readonly number[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of LIST_OPERATORS) engine.addOperator(op);
  engine.addRule({
    conditions: {
      all: comparisons.map((i) => {
        const { operator, value } = plan.leaves[i]!.criterion;
        const { fact, ref } = plan.reads[i]!;
        return { fact, operator, value: ref === undefined ? value : { fact: ref } };
      }),
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
  const results: LeafResult[] = new Array(plan.leaves.length);
  const documented: number[] = [];
  for (let i = 0; i < plan.leaves.length; i++) {
    const { fact, ref } = plan.reads[i]!;
    const value = readFact(ctx, fact);
    if (value == null || (ref !== undefined && readFact(ctx, ref) == null)) results[i] = { status: 'unknown', factValue: value };
    else documented.push(i);
  }
  if (documented.length > 0) {
    const evaluated = await evaluate(plan, documented, ctx);
    for (let k = 0; k < documented.length; k++) {
      const e = evaluated[k]!;
      results[documented[k]!] = { status: e.result === true ? 'met' : 'not_met', factValue: e.factResult };
    }
  }
  let j = 0;
  return rules.map((r) => (r.leaves.length === 0 ? [] : plan.slots[j++]!.map((at) => results[at]!)));
}

/** One engine run over the given comparisons of the plan. */
async function evaluate(plan: Plan, comparisons: readonly number[], ctx: FactContext): Promise<EvaluatedCondition[]> {
  const key = comparisons.join(',');
  let idle = plan.engines.get(key);
  if (!idle && plan.engines.size < MAX_ENGINE_SETS) plan.engines.set(key, (idle = []));
  const engine = idle?.pop() ?? engineFor(plan, comparisons);
  try {
    const { results, failureResults } = await engine.run({}, { almanac: new CaseAlmanac(ctx) });
    const ruleResult = (results[0] ?? failureResults[0]) as RuleResult;
    return (ruleResult.conditions as unknown as { all: EvaluatedCondition[] }).all;
  } finally {
    idle?.push(engine);
  }
}

const isFactReference = (v: unknown): v is { fact: string } => typeof v === 'object' && v !== null && !Array.isArray(v);
