/**
 * What to document: the smallest changes that would turn an upheld prediction into overturned,
 * read off the evaluated criteria trees. Every applicable rule must end met, so the plan is the
 * conjunction of each upheld rule's own plan. Within a rule a met criterion needs nothing; an
 * alternative (`any`) that needs a change nothing can make (a branch for another surgery, another
 * region, a drug not in use) is dropped, so only branches that can apply to this request remain;
 * the alternatives left are shown as either/or, cheapest first, without any that merely add to
 * another.
 */
import type { CompiledNode } from '../engine/compiled-rule.js';
import type { Status } from '../engine/kleene.js';
import type { Evaluated } from '../predict/predict-item.js';
import { changeFor, type Change } from './changes.js';

export type Requirement =
  | { change: Change }
  | { all: Requirement[] }
  | { any: Requirement[] };

type Target = 'met' | 'not_met';

/** How an evaluated tree reads: each node's status, and whether it counts in its parent at all. */
export interface TreeView {
  status(n: CompiledNode): Status;
  /** a condition that does not arise, or an exclusion the records are silent on: it neither carries nor sinks the rule */
  ignored(n: CompiledNode): boolean;
}

export function viewOf(e: Evaluated): TreeView {
  return { status: (n) => e.evaluation.statusOf.get(n) ?? 'unknown', ignored: (n) => e.evaluation.inapplicable.has(n) };
}
/** undefined: nothing can make it; null: already so */
type Solved = Requirement | null | undefined;

/**
 * The requirement that makes an evaluation reach the status whose outcome is overturned
 * (met, under the standard outcome map); undefined when no change can.
 */
export function ruleRequirement(e: Evaluated): Solved {
  const outcome = e.evaluation.compiled.outcome;
  const target: Target | undefined = outcome.met === 'overturned' ? 'met' : outcome.not_met === 'overturned' ? 'not_met' : undefined;
  if (target === undefined) return undefined;
  return solve(e.evaluation.compiled.tree, target, viewOf(e));
}

/** The plan for several rules that must all end met; undefined when any cannot. */
export function allOf(parts: Solved[]): Solved {
  if (parts.some((p) => p === undefined)) return undefined;
  return simplify({ all: parts.filter((p): p is Requirement => p !== null && p !== undefined) });
}

/** Solved requirements by node and target, for one evaluation: the deciding criterion asks again. */
export type SolveMemo = Map<CompiledNode, Partial<Record<Target, Solved>>>;

export function solve(node: CompiledNode, target: Target, view: TreeView, memo: SolveMemo = new Map()): Solved {
  if (view.ignored(node)) return null;
  const known = memo.get(node);
  if (known && target in known) return known[target];
  const solved = solveNode(node, target, view, memo);
  memo.set(node, { ...known, [target]: solved });
  return solved;
}

function solveNode(node: CompiledNode, target: Target, view: TreeView, memo: SolveMemo): Solved {
  const status = view.status(node);
  if (status === target) return null;
  switch (node.kind) {
    case 'leaf': {
      const change = changeFor(node, status, target);
      return change ? { change } : undefined;
    }
    case 'verdict':
      return undefined;
    case 'not':
      return solve(node.child, target === 'met' ? 'not_met' : 'met', view, memo);
    case 'all':
    case 'any': {
      // all → met and any → not_met need every child; the other two need one.
      const every = (node.kind === 'all') === (target === 'met');
      const parts = node.children.filter((c) => !view.ignored(c)).map((c) => solve(c, target, view, memo));
      if (every) return allOf(parts);
      if (parts.some((p) => p === null)) return null;
      const feasible = parts.filter((p): p is Requirement => p !== undefined && p !== null);
      return feasible.length === 0 ? undefined : simplify({ any: feasible });
    }
  }
}

/** How many changes a requirement takes at least. */
export function cost(r: Requirement): number {
  if ('change' in r) return 1;
  if ('all' in r) return r.all.reduce((n, x) => n + cost(x), 0);
  return Math.min(...r.any.map(cost));
}

/** The changes every way of meeting a requirement includes. */
function mandatory(r: Requirement): Set<string> {
  if ('change' in r) return new Set([r.change.text]);
  if ('all' in r) return new Set(r.all.flatMap((x) => [...mandatory(x)]));
  const [first, ...rest] = r.any.map(mandatory);
  return new Set([...first!].filter((t) => rest.every((s) => s.has(t))));
}

/** A requirement with a single way of being met: its changes, else undefined. */
function onlyWay(r: Requirement): Set<string> | undefined {
  if ('change' in r) return new Set([r.change.text]);
  if ('any' in r) return r.any.length === 1 ? onlyWay(r.any[0]!) : undefined;
  const sets = r.all.map(onlyWay);
  return sets.every((s) => s !== undefined) ? new Set(sets.flatMap((s) => [...s!])) : undefined;
}

function key(r: Requirement): string {
  if ('change' in r) return r.change.text;
  return JSON.stringify('all' in r ? { all: r.all.map(key).sort() } : { any: r.any.map(key).sort() });
}

/** Flattens nested groups of one kind, drops repeats, and drops alternatives that only add to another. */
function simplify(r: Requirement): Requirement | null {
  if ('change' in r) return r;
  const kind = 'all' in r ? 'all' : 'any';
  const children = ('all' in r ? r.all : r.any).flatMap((c) => (kind in c ? (c as Record<string, Requirement[]>)[kind]! : [c]));
  const seen = new Set<string>();
  let unique = children.filter((c) => {
    const k = key(c);
    return seen.has(k) ? false : (seen.add(k), true);
  });
  if (kind === 'any') {
    const ways = unique.map(onlyWay);
    unique = unique
      .filter((c, i) => !ways.some((w, j) => j !== i && w !== undefined && isProperSubset(w, mandatory(c), ways[i])))
      .sort((a, b) => cost(a) - cost(b));
  }
  if (unique.length === 0) return null;
  if (unique.length === 1) return unique[0]!;
  return kind === 'all' ? { all: unique } : { any: unique };
}

/** `small` is within `big`'s mandatory changes, and is not the very same single way. */
function isProperSubset(small: Set<string>, big: Set<string>, bigWay: Set<string> | undefined): boolean {
  if (![...small].every((t) => big.has(t))) return false;
  return bigWay === undefined || bigWay.size > small.size;
}
