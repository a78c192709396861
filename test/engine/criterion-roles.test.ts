/**
 * Criterion roles: a requirement must be documented as met; a condition is judged only when the
 * case it covers is documented; an exclusion fails the request only when documented.
 */
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/compile-rule.js';
import { evaluateRule } from '../../src/engine/evaluate-rule.js';
import { FactContext } from '../../src/facts/fact-context.js';
import type { Case } from '../../src/model/case-schema.js';
import type { CriterionNode, Rule } from '../../src/model/rule-schema.js';
import { explainItem } from '../../src/predict/explain.js';
import { reasons } from '../../src/predict/reasons.js';
import { bundledRuleset } from '../helpers.js';

function ruleWith(criteria: CriterionNode): Rule {
  return {
    id: 'test-rule', title: 'test', source: { document: 'Test', edition: '1', section: 'S' },
    effective: { from: '2000-01-01' }, applies_to: { treatments: ['ketamine'] }, recommendation: 'conditional', criteria, examples: [],
  };
}

async function evaluate(criteria: CriterionNode, kase: Partial<Case>) {
  const { catalog } = bundledRuleset();
  const compiled = compileRule(ruleWith(criteria), 'test.yaml', new Map());
  const full = { id: 't', source: 't', items: [{ request: 'ketamine cream' }], ...kase } as Case;
  const ctx = new FactContext(full, { item: full.items[0]!, number: 1, treatment: 'ketamine', route: 'topical' }, catalog, { date: '2015-01-01', from: 'option' });
  return { evaluation: await evaluateRule(compiled, ctx), ctx };
}

const working: CriterionNode = { id: 'working', text: 'The worker is at full duty.', fact: 'work_status', operator: 'equal', value: 'full_duty' };
const painHigh: CriterionNode = { id: 'pain-high', text: 'Pain is 7/10 or more.', fact: 'pain_score', operator: 'greaterThanInclusive', value: 7 };
const spasm: CriterionNode = { id: 'spasm', text: 'Spasm on examination.', fact: 'finding', params: { tag: 'muscle_spasm' }, operator: 'equal', value: true };

/** Required: work status documented as full duty, if pain is high (a condition). */
const conditional: CriterionNode = { all: [spasm, { ...working, role: 'condition', when: painHigh }] };

describe('criterion roles', () => {
  it('a condition whose case is not documented does not uphold', async () => {
    const { evaluation } = await evaluate(conditional, { findings: ['muscle_spasm'] });
    expect(evaluation.status).toBe('met');
    expect([...evaluation.inapplicable.values()]).toEqual(['condition_not_documented']);
  });

  it('a condition whose case is documented as not arising does not uphold', async () => {
    const { evaluation } = await evaluate(conditional, { findings: ['muscle_spasm'], pain_score: 3 });
    expect(evaluation.status).toBe('met');
    expect([...evaluation.inapplicable.values()]).toEqual(['condition_not_met']);
  });

  it('a condition whose case arises is judged like a requirement, silence included', async () => {
    expect((await evaluate(conditional, { findings: ['muscle_spasm'], pain_score: 8 })).evaluation.status).toBe('unknown');
    expect((await evaluate(conditional, { findings: ['muscle_spasm'], pain_score: 8, work_status: 'off_work' })).evaluation.status).toBe('not_met');
    expect((await evaluate(conditional, { findings: ['muscle_spasm'], pain_score: 8, work_status: 'full_duty' })).evaluation.status).toBe('met');
  });

  it('a requirement stays required: silence upholds', async () => {
    expect((await evaluate({ all: [spasm, working] }, { findings: ['muscle_spasm'] })).evaluation.status).toBe('unknown');
  });

  it('an exclusion fails only when documented', async () => {
    const excluded: CriterionNode = { all: [spasm, { ...working, role: 'exclusion' }] };
    const silent = await evaluate(excluded, { findings: ['muscle_spasm'] });
    expect(silent.evaluation.status).toBe('met');
    expect([...silent.evaluation.inapplicable.values()]).toEqual(['exclusion_not_documented']);
    expect((await evaluate(excluded, { findings: ['muscle_spasm'], work_status: 'off_work' })).evaluation.status).toBe('not_met');
  });

  it('a condition that does not apply is not a reason, and is not an alternative that carries an any()', async () => {
    const either: CriterionNode = { any: [{ ...working, role: 'condition', when: painHigh }, spasm] };
    const { evaluation, ctx } = await evaluate(either, { findings_absent: ['muscle_spasm'] });
    expect(evaluation.status).toBe('not_met');
    const r = reasons({ evaluation, ctx });
    expect(r.failed.map((n) => n.id)).toEqual(['spasm']);
    expect(r.unknown).toEqual([]);
  });

  it('the explanation shows a condition that does not apply, and why', async () => {
    const { evaluation, ctx } = await evaluate(conditional, { findings: ['muscle_spasm'] });
    const explained = explainItem({
      number: 1, item: ctx.kase.items[0]!, resolved: ctx.item, ingredients: undefined, asOf: ctx.asOf, recovery: undefined, phase: { setAside: [], outOfPhase: [] },
      prediction: 'overturned', decisive: { evaluation, ctx }, evaluations: [{ evaluation, ctx }],
    });
    const line = explained.criteria.find((l) => l.id === 'working')!;
    expect(line.status).toBe('not_applicable');
    expect(line.note).toMatch(/do not document that pain is 7\/10 or more/);
  });
});
