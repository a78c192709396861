/**
 * Why a rule is not met: the criteria that failed, and the undocumented criteria that matter
 * (an undocumented part of a conjunction that already failed is moot and left out).
 */
import type { CompiledNode, LeafNode } from '../engine/compiled-rule.js';
import type { Evaluated } from './predict-item.js';

export interface Reasons {
  failed: CompiledNode[];
  unknown: LeafNode[];
}

/** The criteria that keep a rule from being met: failures, and undocumented leaves that matter. */
export function reasons(e: Evaluated): Reasons {
  const out: Reasons = { failed: [], unknown: [] };
  const visit = (node: CompiledNode) => {
    const s = e.evaluation.statusOf.get(node);
    if (s === 'met' || e.evaluation.inapplicable.has(node)) return;
    switch (node.kind) {
      case 'leaf':
        if (s === 'not_met') out.failed.push(node);
        else out.unknown.push(node);
        return;
      case 'verdict':
        if (s === 'not_met') out.failed.push(node);
        return;
      case 'not':
        if (s === 'not_met') out.failed.push(node);
        else collectLeaves(node.child, e, out.unknown);
        return;
      case 'all':
        // A failed conjunction fails for its failed parts; what else it lacks is moot.
        node.children.filter((c) => s === 'unknown' || e.evaluation.statusOf.get(c) === 'not_met').forEach(visit);
        return;
      case 'any':
        node.children.forEach(visit);
    }
  };
  visit(e.evaluation.compiled.tree);
  return out;
}

function collectLeaves(node: CompiledNode, e: Evaluated, into: LeafNode[]): void {
  if (e.evaluation.inapplicable.has(node)) return;
  if (node.kind === 'leaf') {
    if (e.evaluation.statusOf.get(node) === 'unknown') into.push(node);
  } else if (node.kind === 'all' || node.kind === 'any') node.children.forEach((c) => collectLeaves(c, e, into));
  else if (node.kind === 'not') collectLeaves(node.child, e, into);
}

/** The met leaves that carry a met rule: every part of a conjunction, the first met alternative. */
export function satisfied(e: Evaluated): CompiledNode[] {
  const out: CompiledNode[] = [];
  const visit = (node: CompiledNode) => {
    if (e.evaluation.statusOf.get(node) !== 'met' || e.evaluation.inapplicable.has(node)) return;
    if (node.kind === 'all') node.children.forEach(visit);
    else if (node.kind === 'any') {
      const first = node.children.find((c) => e.evaluation.statusOf.get(c) === 'met');
      if (first) visit(first);
    } else out.push(node);
  };
  visit(e.evaluation.compiled.tree);
  return out;
}
