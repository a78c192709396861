import { describe, expect, it } from 'vitest';
import { changeFor } from '../../src/advice/changes.js';
import { solve, type Requirement, type TreeView } from '../../src/advice/plan.js';
import type { CompiledNode, LeafNode } from '../../src/engine/compiled-rule.js';
import type { Status } from '../../src/engine/kleene.js';

const origin = { file: 'test.yaml', path: [] };
let index = 0;
function leaf(id: string, fact: string, operator: string, value: unknown, missing?: string): LeafNode {
  return { kind: 'leaf', id, text: `The ${id.replace(/-/g, ' ')}.`, index: index++, origin, criterion: { id, text: `The ${id.replace(/-/g, ' ')}.`, fact, operator, value: value as never, ...(missing ? { missing } : {}) } };
}
const all = (...children: CompiledNode[]): CompiledNode => ({ kind: 'all', children, origin });
const any = (...children: CompiledNode[]): CompiledNode => ({ kind: 'any', children, origin });
const not = (child: CompiledNode): CompiledNode => ({ kind: 'not', child, origin });

/** Leaf statuses given; groups combined in Kleene logic, as the evaluator does. */
function statuses(tree: CompiledNode, leaves: Record<string, Status>): TreeView {
  const memo = new Map<CompiledNode, Status>();
  const of = (n: CompiledNode): Status => {
    if (memo.has(n)) return memo.get(n)!;
    let s: Status;
    if (n.kind === 'leaf') s = leaves[n.id] ?? 'unknown';
    else if (n.kind === 'not') s = ({ met: 'not_met', not_met: 'met', unknown: 'unknown' } as const)[of(n.child)];
    else if (n.kind === 'all') s = n.children.map(of).reduce<Status>((a, b) => (a === 'not_met' || b === 'not_met' ? 'not_met' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'met'), 'met');
    else if (n.kind === 'any') s = n.children.map(of).reduce<Status>((a, b) => (a === 'met' || b === 'met' ? 'met' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'not_met'), 'not_met');
    else s = (n as { status: Status }).status;
    memo.set(n, s);
    return s;
  };
  of(tree);
  return { status: of, ignored: () => false };
}

const texts = (r: Requirement | null | undefined): unknown => {
  if (!r) return r;
  if ('change' in r) return r.change.text;
  return 'all' in r ? { all: r.all.map(texts) } : { any: r.any.map(texts) };
};

describe('what would meet one criterion', () => {
  it('a request count over its bound: the bound, in the request\'s unit', () => {
    expect(changeFor(leaf('six-visits', 'cumulative_visits', 'lessThanInclusive', 6), 'not_met', 'met')?.text).toBe('6 visits or fewer in all, counting those done');
    expect(changeFor(leaf('short', 'days_supply', 'lessThanInclusive', 21), 'not_met', 'met')).toMatchObject({ kind: 'request', text: 'a supply of 21 days or fewer' });
    expect(changeFor(leaf('two-levels', 'joint_count', 'lessThanInclusive', 2), 'not_met', 'met')?.text).toBe('2 levels or fewer');
  });

  it('time that must pass: after so many weeks', () => {
    expect(changeFor(leaf('four-weeks', 'weeks_since_injury', 'greaterThanInclusive', 4), 'not_met', 'met')).toMatchObject({ kind: 'wait', text: 'after 4 weeks of symptoms' });
    // Time does not run back: acute pain twenty years on cannot be made acute.
    expect(changeFor(leaf('acute', 'weeks_since_injury', 'lessThanInclusive', 12), 'not_met', 'met')).toBeUndefined();
  });

  it('under a negation the bound turns around', () => {
    expect(changeFor(leaf('many', 'requested_visits', 'greaterThan', 10), 'met', 'not_met')?.text).toBe('10 visits or fewer');
  });

  it('an undocumented criterion is documented; a documented fact about the patient cannot be changed', () => {
    expect(changeFor(leaf('ms', 'condition', 'equal', true, 'a diagnosis of multiple sclerosis'), 'unknown', 'met')).toMatchObject({ kind: 'document', text: 'a diagnosis of multiple sclerosis' });
    expect(changeFor(leaf('new', 'current_use', 'equal', false), 'not_met', 'met')).toBeUndefined();
    expect(changeFor(leaf('nsaid', 'tried', 'equal', true, 'an NSAID tried first'), 'not_met', 'met')).toMatchObject({ kind: 'treat' });
  });
});

describe('the smallest changes that turn a rule', () => {
  it('keeps only branches that can apply, and shows the rest as either/or', () => {
    const tree = any(
      all(leaf('is-carpal-tunnel', 'associated_surgery_is', 'equal', true), leaf('four', 'cumulative_visits', 'lessThanInclusive', 4)),
      all(leaf('is-knee', 'associated_surgery_is', 'equal', true), leaf('six', 'cumulative_visits', 'lessThanInclusive', 6)),
      leaf('red-flag', 'red_flags', 'equal', true, 'a red flag'),
    );
    const of = statuses(tree, { 'is-carpal-tunnel': 'not_met', four: 'not_met', 'is-knee': 'met', six: 'not_met' });
    expect(texts(solve(tree, 'met', of))).toEqual({ any: ['6 visits or fewer in all, counting those done', 'a red flag'] });
  });

  it('nothing when no branch can apply', () => {
    const tree = all(leaf('new', 'current_use', 'equal', false), leaf('short', 'days_supply', 'lessThanInclusive', 21));
    expect(solve(tree, 'met', statuses(tree, { new: 'not_met', short: 'not_met' }))).toBeUndefined();
  });

  it('a met part needs nothing; an alternative that only adds to another is dropped', () => {
    const a = leaf('a', 'finding', 'equal', true, 'finding A');
    const b = leaf('b', 'finding', 'equal', true, 'finding B');
    const tree = all(leaf('done', 'finding', 'equal', true), any(a, all(leaf('a2', 'finding', 'equal', true, 'finding A'), b)));
    expect(texts(solve(tree, 'met', statuses(tree, { done: 'met' })))).toBe('finding A');
  });

  it('a negated criterion is met by the change that makes its inside fail', () => {
    const tree = all(not(leaf('fused', 'prior_procedure', 'equal', true)), leaf('levels', 'joint_count', 'lessThanInclusive', 2));
    // A fusion on record cannot be undone.
    expect(solve(tree, 'met', statuses(tree, { fused: 'met', levels: 'met' }))).toBeUndefined();
    expect(texts(solve(tree, 'met', statuses(tree, { fused: 'not_met', levels: 'not_met' })))).toBe('2 levels or fewer');
  });
});
