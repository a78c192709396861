/**
 * Evaluates one compiled rule for one item: json-rules-engine evaluates every leaf comparison
 * against the case almanac; the leaves' statuses then combine over the criteria tree in Kleene
 * logic. A leaf whose fact (or compared fact) is undocumented is "unknown", whatever the operator
 * would have said; this is what keeps `notEqual` on a missing fact from passing.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { FactContext } from '../facts/fact-context.js';
import { FACTS } from '../facts/registry.js';
import type { Outcome } from '../model/vocabulary.js';
import { CaseAlmanac } from './case-almanac.js';
import type { CompiledNode, CompiledRule, LeafNode } from './compiled-rule.js';
import { and, not, or, type Status } from './kleene.js';
import { LIST_OPERATORS } from './operators.js';

export interface LeafResult {
  status: Status;
  factValue: unknown;
}

export interface RuleEvaluation {
  compiled: CompiledRule;
  status: Status;
  outcome: Outcome;
  /** per leaf, by leaf index */
  leaves: LeafResult[];
  /** status of every node, for explanations and coverage */
  statusOf: Map<CompiledNode, Status>;
  /** the conditions and exclusions that did not count for or against the request, and why */
  inapplicable: Map<CompiledNode, Inapplicable>;
}

/**
 * Why a criterion did not count: a condition whose case is documented as not arising, or not
 * documented at all; an exclusion whose excluded circumstance the records do not document.
 */
export type Inapplicable = 'condition_not_met' | 'condition_not_documented' | 'exclusion_not_documented';

/** Idle engines per rule: a run never shares an engine with another run in flight. */
const idle = new WeakMap<CompiledRule, Engine[]>();

function takeEngine(c: CompiledRule): Engine {
  const pool = idle.get(c);
  const ready = pool?.pop();
  if (ready) return ready;
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of LIST_OPERATORS) engine.addOperator(op);
  engine.addRule({
    name: c.rule.id,
    conditions: {
      all: c.leaves.map((l) => ({
        name: l.id,
        fact: l.criterion.fact,
        operator: l.criterion.operator,
        value: l.criterion.value,
        ...(l.criterion.params ? { params: l.criterion.params } : {}),
      })),
    },
    event: { type: c.rule.id },
  });
  return engine;
}

function releaseEngine(c: CompiledRule, engine: Engine): void {
  const pool = idle.get(c);
  if (pool) pool.push(engine);
  else idle.set(c, [engine]);
}

export async function evaluateRule(c: CompiledRule, ctx: FactContext): Promise<RuleEvaluation> {
  const leaves = c.leaves.length === 0 ? [] : await runLeaves(c, ctx);
  const statusOf = new Map<CompiledNode, Status>();
  const inapplicable = new Map<CompiledNode, Inapplicable>();
  // Nothing that applies is left to fail: the rule is met.
  const status = counted(combine(c.tree, leaves, statusOf, inapplicable)) ?? 'met';
  const outcome = status === 'met' ? c.outcome.met : status === 'not_met' ? c.outcome.not_met : c.outcome.not_documented;
  return { compiled: c, status, outcome, leaves, statusOf, inapplicable };
}

async function runLeaves(c: CompiledRule, ctx: FactContext): Promise<LeafResult[]> {
  const engine = takeEngine(c);
  try {
    const { results, failureResults } = await engine.run({}, { almanac: new CaseAlmanac(ctx, FACTS) });
    const ruleResult = (results[0] ?? failureResults[0]) as RuleResult;
    const conditions = (ruleResult.conditions as unknown as { all: EvaluatedCondition[] }).all;
    return c.leaves.map((leaf) => leafResult(leaf, conditions[leaf.index]!));
  } finally {
    releaseEngine(c, engine);
  }
}

interface EvaluatedCondition {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

function leafResult(leaf: LeafNode, evaluated: EvaluatedCondition): LeafResult {
  const comparesFact = typeof leaf.criterion.value === 'object' && !Array.isArray(leaf.criterion.value);
  const undocumented = evaluated.factResult == null || (comparesFact && evaluated.valueResult == null);
  const status: Status = undocumented ? 'unknown' : evaluated.result === true ? 'met' : 'not_met';
  return { status, factValue: evaluated.factResult };
}

/** A node's status as it counts in its parent: undefined when it does not apply. */
type Counted = Status | undefined;

function counted(s: Counted): Counted {
  return s;
}

/**
 * Combines leaf statuses up the tree in Kleene logic. Every node's own status is recorded for the
 * explanation; a condition that does not arise and an exclusion the records are silent on are
 * left out of their parent's combination (recorded in `inapplicable`), so they neither carry nor
 * sink the request.
 */
function combine(node: CompiledNode, leaves: readonly LeafResult[], statusOf: Map<CompiledNode, Status>, inapplicable: Map<CompiledNode, Inapplicable>): Counted {
  const when = node.when ? counted(combine(node.when, leaves, statusOf, inapplicable)) : undefined;
  const parts = (children: readonly CompiledNode[]) =>
    children.map((c) => combine(c, leaves, statusOf, inapplicable)).filter((v): v is Status => v !== undefined);
  let own: Counted;
  switch (node.kind) {
    case 'leaf': own = leaves[node.index]!.status; break;
    case 'verdict': own = node.status; break;
    case 'all': { const p = parts(node.children); own = p.length === 0 ? undefined : and(p); break; }
    case 'any': { const p = parts(node.children); own = p.length === 0 ? undefined : or(p); break; }
    case 'not': { const v = combine(node.child, leaves, statusOf, inapplicable); own = v === undefined ? undefined : not(v); break; }
  }
  statusOf.set(node, own ?? 'met');
  if (own === undefined) return undefined;
  if (node.role === 'condition' && when !== 'met') {
    inapplicable.set(node, when === 'not_met' ? 'condition_not_met' : 'condition_not_documented');
    return undefined;
  }
  if (node.role === 'exclusion' && own === 'unknown') {
    inapplicable.set(node, 'exclusion_not_documented');
    return undefined;
  }
  return own;
}
