import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { FactContext } from '../../src/facts/fact-context.js';
import type { Case } from '../../src/model/case-schema.js';
import type { CriterionNode, Rule } from '../../src/model/rule-schema.js';
import { bundledRuleset } from '../helpers.js';

function ruleWith(criteria: CriterionNode): Rule {
  return {
    id: 'test-rule',
    title: 'test',
    source: { document: 'Test', edition: '1', section: 'S' },
    effective: { from: '2000-01-01' },
    applies_to: { treatments: ['ketamine'] },
    recommendation: 'conditional',
    criteria,
    examples: [],
  };
}

async function statusOf(criteria: CriterionNode, kase: Partial<Case>) {
  const { catalog } = bundledRuleset();
  const compiled = compileRule(ruleWith(criteria), 'test.yaml', new Map());
  const full = { id: 't', source: 't', items: [{ request: 'ketamine cream' }], ...kase } as Case;
  const ctx = new FactContext(full, { item: full.items[0]!, number: 1, treatment: 'ketamine', route: 'topical' }, catalog, { date: '2015-01-01', from: 'option' });
  return (await evaluateRule(compiled, ctx)).status;
}

const notOffWork: CriterionNode = { id: 'not-off-work', text: 'not off work', fact: 'work_status', operator: 'notEqual', value: 'off_work' };

describe('three-valued criteria over json-rules-engine', () => {
  it('raw json-rules-engine passes notEqual on a missing fact (the trap)', async () => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: { all: [{ fact: 'work_status', operator: 'notEqual', value: 'off_work' }] }, event: { type: 'x' } });
    const { events } = await engine.run({});
    expect(events).toHaveLength(1);
  });

  it('the same criterion over a missing fact is not documented, not met', async () => {
    expect(await statusOf(notOffWork, {})).toBe('unknown');
  });

  it('a documented fact is judged by the operator', async () => {
    expect(await statusOf(notOffWork, { work_status: 'full_duty' })).toBe('met');
    expect(await statusOf(notOffWork, { work_status: 'off_work' })).toBe('not_met');
  });

  it('notIn and doesNotContain on a missing fact are also not documented', async () => {
    expect(await statusOf({ id: 'a', text: 'a', fact: 'work_status', operator: 'notIn', value: ['off_work'] }, {})).toBe('unknown');
    expect(await statusOf({ id: 'b', text: 'b', fact: 'body_region', operator: 'doesNotContain', value: 'knee' }, {})).toBe('unknown');
  });

  it('not() of an undocumented criterion stays undocumented', async () => {
    expect(await statusOf({ id: 'n', text: 'n', not: notOffWork }, {})).toBe('unknown');
    expect(await statusOf({ id: 'n', text: 'n', not: notOffWork }, { work_status: 'off_work' })).toBe('met');
  });

  it('any() is met by one met alternative despite an undocumented one', async () => {
    const any: CriterionNode = {
      any: [notOffWork, { id: 'crps', text: 'crps', fact: 'condition', params: { tag: 'crps' }, operator: 'equal', value: true }],
    };
    expect(await statusOf(any, { conditions: ['crps_1'] })).toBe('met');
    expect(await statusOf(any, { conditions_absent: ['crps'] })).toBe('unknown');
  });

  it('a comparison with another fact is undocumented when either side is', async () => {
    const node: CriterionNode = { id: 'f', text: 'f', fact: 'targeted_joints', operator: 'disjointFrom', value: { fact: 'fused_segments' } };
    expect(await statusOf(node, { procedures: [{ procedure: 'lumbar_fusion' }] })).toBe('unknown');
  });
});
