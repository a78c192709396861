/**
 * Evaluates one compiled rule for one item: json-rules-engine evaluates every leaf comparison
 * against the case almanac; the leaves' statuses then combine over the criteria tree in Kleene
 * logic. A leaf whose fact (or compared fact) is undocumented is "unknown", whatever the operator
 * would have said; this is what keeps `notEqual` on a missing fact from passing.
 */
import type { FactContext } from '../facts/fact-context.js';
import type { Outcome } from '../model/vocabulary.js';
import type { CompiledNode, CompiledRule } from './compiled-rule.js';
import { and, not, or, type Status } from './kleene.js';
import { runLeaves, type LeafResult } from './run-leaves.js';

export type { LeafResult } from './run-leaves.js';

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

export async function evaluateRule(c: CompiledRule, ctx: FactContext): Promise<RuleEvaluation> {
  return (await evaluateRules([c], ctx))[0]!;
}

/** Judges every rule for one item; their leaf comparisons run together, each distinct one once. */
export async function evaluateRules(rules: readonly CompiledRule[], ctx: FactContext): Promise<RuleEvaluation[]> {
  const leaves = await runLeaves(rules, ctx);
  return rules.map((c, i) => judge(c, leaves[i]!));
}

function judge(c: CompiledRule, leaves: LeafResult[]): RuleEvaluation {
  const statusOf = new Map<CompiledNode, Status>();
  const inapplicable = new Map<CompiledNode, Inapplicable>();
  // Nothing that applies is left to fail: the rule is met.
  const status = counted(combine(c.tree, leaves, statusOf, inapplicable)) ?? 'met';
  const outcome = status === 'met' ? c.outcome.met : status === 'not_met' ? c.outcome.not_met : c.outcome.not_documented;
  return { compiled: c, status, outcome, leaves, statusOf, inapplicable };
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
