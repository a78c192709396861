/** The reason code each criterion stands for: the fact table, its refinements, and a rule's own `reason:`. */
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/engine/compile-rule.js';
import type { CompiledNode, CompiledRule } from '../../src/engine/compiled-rule.js';
import type { CriterionNode, Rule } from '../../src/model/rule-schema.js';
import { criterionReason } from '../../src/rationale/criterion-reason.js';
import { reasonData } from '../../src/rationale/reason-data.js';
import { bundledRuleset } from '../helpers.js';

function rule(criteria: CriterionNode | undefined, treatments = ['physical_therapy'], recommendation: Rule['recommendation'] = 'conditional'): CompiledRule {
  const r = {
    id: 'test-rule',
    title: 'A rule for the test',
    source: { document: 'Test guideline', edition: '1', section: 'Test' },
    effective: { from: '2016-01-01' },
    applies_to: { treatments },
    recommendation,
    ...(criteria ? { criteria } : {}),
    examples: [],
  } as Rule;
  return compileRule(r, 'test-rule.yaml', new Map());
}

function byId(c: CompiledRule, id: string): CompiledNode {
  const find = (n: CompiledNode): CompiledNode | undefined =>
    n.id === id ? n : n.kind === 'all' || n.kind === 'any' ? n.children.map(find).find(Boolean) : n.kind === 'not' ? find(n.child) : undefined;
  return find(c.tree)!;
}

const leaf = (id: string, fact: string, operator: string, value: unknown, params?: Record<string, string>) =>
  ({ id, text: id, fact, operator, value, ...(params ? { params } : {}) }) as CriterionNode;

function code(c: CompiledRule, id: string, undocumented = false): string | undefined {
  const ruleset = bundledRuleset();
  return criterionReason(c, byId(c, id), { data: reasonData(ruleset.dir), catalog: ruleset.catalog, undocumented });
}

describe('criterionReason', () => {
  it('takes the fact default, and for a fact about the request an unclear request when it is undocumented', () => {
    const c = rule({ all: [leaf('short-course', 'days_supply', 'lessThanInclusive', 21), leaf('benefit', 'prior_functional_improvement', 'equal', true)] });
    expect(code(c, 'short-course')).toBe('exceeds_quantity_or_duration');
    expect(code(c, 'short-course', true)).toBe('request_unclear_or_mismatch');
    // a clinical fact not documented stands for its own code, as reviewers word it
    expect(code(c, 'benefit', true)).toBe('no_functional_improvement');
  });

  it('refines by tag: a tag of its own, then a tag the catalog marks as a red flag', () => {
    const c = rule({ all: [leaf('cures', 'finding', 'equal', true, { tag: 'cures_reviewed' }), leaf('fracture', 'finding', 'equal', true, { tag: 'suspected_fracture' }), leaf('deficit', 'finding', 'equal', true, { tag: 'neuro_deficit' })] });
    expect(code(c, 'cures')).toBe('no_risk_monitoring');
    expect(code(c, 'fracture')).toBe('no_red_flags');
    expect(code(c, 'deficit')).toBe('no_objective_findings');
  });

  it('refines by what the criterion asks: a yes/no fact asked to be false, a lower or an upper bound', () => {
    const c = rule({ all: [leaf('surgery', 'surgery_considered', 'equal', true), leaf('no-surgery', 'surgery_considered', 'equal', false), leaf('a-month', 'weeks_since_injury', 'greaterThanInclusive', 4), leaf('acute', 'weeks_since_injury', 'lessThanInclusive', 12)] });
    expect(code(c, 'surgery')).toBe('no_surgery_planned');
    expect(code(c, 'no-surgery')).toBe('not_indicated_for_condition');
    expect(code(c, 'a-month')).toBe('no_failed_conservative_care');
    expect(code(c, 'acute')).toBe('not_indicated_for_condition');
  });

  it('reads a condition as the suspicion a study looks into, and as the indication of a treatment', () => {
    const tear = leaf('tear', 'condition', 'equal', true, { tag: 'rotator_cuff_tear' });
    expect(code(rule({ all: [tear] }, ['mri']), 'tear')).toBe('no_objective_findings');
    expect(code(rule({ all: [tear] }, ['physical_therapy']), 'tear')).toBe('not_indicated_for_condition');
  });

  it('lets a criterion, or a named group around it, say its own reason', () => {
    const c = rule({
      all: [
        { ...leaf('own', 'age', 'greaterThan', 18), reason: 'missing_documentation' } as CriterionNode,
        { id: 'comorbidity', text: 'A comorbidity.', reason: 'no_objective_findings', any: [leaf('diabetes', 'condition', 'equal', true, { tag: 'diabetes' })] } as CriterionNode,
      ],
    });
    expect(code(c, 'own')).toBe('missing_documentation');
    expect(code(c, 'diabetes')).toBe('no_objective_findings');
  });

  it('gives a treatment the guideline does not recommend the verdict code', () => {
    const c = rule(undefined, ['physical_therapy'], 'not_recommended');
    expect(code(c, 'recommended')).toBe('not_recommended');
  });

  it('maps every criterion of the bundled rules', () => {
    const ruleset = bundledRuleset();
    const data = reasonData(ruleset.dir);
    const unmapped: string[] = [];
    for (const c of ruleset.rules) {
      const visit = (n: CompiledNode) => {
        if (n.kind === 'leaf' && !criterionReason(c, n, { data, catalog: ruleset.catalog })) unmapped.push(`${c.rule.id}:${n.id}`);
        if (n.when) visit(n.when);
        if (n.kind === 'all' || n.kind === 'any') n.children.forEach(visit);
        else if (n.kind === 'not') visit(n.child);
      };
      visit(c.tree);
    }
    expect(unmapped).toEqual([]);
  });
});
