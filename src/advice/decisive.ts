/**
 * The one criterion that decides an item, in the guideline's words. For an upheld item: down the
 * deciding rule's tree, through the part that is not met (one nothing can change before one that
 * documentation could fix, a failure before a gap), into an either/or only when a single
 * alternative can still apply; the deepest named criterion on that path decides. For an
 * overturned item: the first met criterion of the rule that is particular to it (not a principle
 * every rule shares).
 */
import type { CompiledNode } from '../engine/compiled-rule.js';
import type { Evaluated } from '../predict/predict-item.js';
import { solve, viewOf, type SolveMemo, type TreeView } from './plan.js';

export interface DecisiveNode {
  node: CompiledNode & { id: string; text: string };
  /** the named criterion it sits under, for context */
  parent: (CompiledNode & { id: string; text: string }) | undefined;
}

type Named = CompiledNode & { id: string; text: string };
const isNamed = (n: CompiledNode): n is Named => n.id !== undefined && n.text !== undefined;

export function decisiveCriterion(e: Evaluated, everyRuleIds: ReadonlySet<string>): DecisiveNode | undefined {
  const view = viewOf(e);
  const statusOf = view.status;
  const target = e.evaluation.compiled.outcome.met === 'overturned' ? 'met' : 'not_met';
  if (statusOf(e.evaluation.compiled.tree) === target) return firstMet(e.evaluation.compiled.tree, view, everyRuleIds);
  const memo: SolveMemo = new Map();
  const path: Named[] = [];
  let node: CompiledNode | undefined = e.evaluation.compiled.tree;
  let want: 'met' | 'not_met' = target;
  while (node) {
    if (isNamed(node)) path.push(node);
    const child = next(node, want, statusOf);
    if (node.kind === 'not') want = want === 'met' ? 'not_met' : 'met';
    node = child;
  }
  const last = path.at(-1);
  return last ? { node: last, parent: path.at(-2) } : undefined;

  function next(n: CompiledNode, goal: 'met' | 'not_met', status: typeof statusOf): CompiledNode | undefined {
    if (n.kind === 'leaf' || n.kind === 'verdict') return undefined;
    if (n.kind === 'not') return n.child;
    const every = (n.kind === 'all') === (goal === 'met');
    const open = n.children.filter((c) => !view.ignored(c) && status(c) !== goal);
    if (every) {
      const rank = (c: CompiledNode) => (solve(c, goal, view, memo) === undefined ? 0 : status(c) === 'unknown' ? 2 : 1);
      return [...open].sort((a, b) => rank(a) - rank(b))[0];
    }
    const applicable = open.filter((c) => solve(c, goal, view, memo) !== undefined);
    if (applicable.length === 1) return applicable[0];
    // Several alternatives still open: the either/or itself decides. None: a named one decides as
    // a whole; an unnamed one by its first failing alternative.
    return applicable.length === 0 && !isNamed(n) ? open[0] : undefined;
  }
}

function firstMet(tree: CompiledNode, view: TreeView, skip: ReadonlySet<string>): DecisiveNode | undefined {
  // The rule's own top-level criteria: through unnamed groups, past the principles every rule shares.
  const top: CompiledNode[] = [];
  const collect = (n: CompiledNode) => {
    if (isNamed(n)) top.push(n);
    else if (n.kind === 'all' || n.kind === 'any') n.children.filter((c) => !view.ignored(c)).forEach(collect);
    else if (n.kind === 'not') collect(n.child);
  };
  collect(tree);
  const own = top.find((c) => isNamed(c) && !skip.has(c.id) && view.status(c) === 'met');
  return own && isNamed(own) ? { node: own, parent: undefined } : undefined;
}
