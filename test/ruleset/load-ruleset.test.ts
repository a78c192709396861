import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadRulesetCollecting } from '../../src/ruleset/load-ruleset.js';
import { bundledRuleset, rulesWith } from '../helpers.js';

const RULE = `id: test-broken
title: A test rule
source: { document: Test, edition: "1", section: S }
effective: { from: "2016-07-29" }
applies_to: { treatments: [ketamine], routes: [topical] }
recommendation: conditional
criteria:
  id: one
  text: one
  fact: condition
  params: { tag: crps }
  operator: equal
  value: true
examples: []
`;

function loadWith(name: string, text: string): string[] {
  const dir = rulesWith({ [name]: text });
  return loadRulesetCollecting(dir).diagnostics.map((d) => formatDiagnostic({ ...d, file: d.file.replace(/^.*\/mtus-rules-[^/]+\//, '') }));
}

describe('loading the ruleset', () => {
  it('the bundled ruleset loads cleanly and compiles every rule', () => {
    const rs = bundledRuleset();
    expect(rs.rules.length).toBeGreaterThanOrEqual(8);
    expect(rs.revision).toMatch(/^[0-9a-f]{12}$/);
    for (const r of rs.rules) expect(r.tree).toBeDefined();
  });

  it('a valid extra rule loads', () => {
    expect(loadWith('extra/test-broken.yaml', RULE)).toEqual([]);
  });

  it('a misspelt key in a criterion is located at the key', () => {
    expect(loadWith('extra/test-broken.yaml', RULE.replace('  operator: equal', '  operater: equal'))).toEqual([
      "extra/test-broken.yaml:12:3: unknown-key: unknown key 'operater' in criteria (did you mean 'operator'?)",
    ]);
  });

  it('an unknown fact gets a suggestion', () => {
    expect(loadWith('extra/test-broken.yaml', RULE.replace('fact: condition', 'fact: conditon'))).toEqual([
      "extra/test-broken.yaml:10:9: unknown-fact: 'conditon' is not a case fact (did you mean 'condition'?)",
    ]);
  });

  it('an operator that does not suit the fact type', () => {
    expect(loadWith('extra/test-broken.yaml', RULE.replace('operator: equal', 'operator: lessThan'))).toEqual([
      "extra/test-broken.yaml:12:13: operator-type: operator 'lessThan' does not suit boolean fact 'condition' (use equal, notEqual)",
    ]);
  });

  it('an unknown shared criterion', () => {
    const text = RULE.replace(/criteria:\n(  .*\n)+/, 'criteria:\n  all:\n    - use: no-such-thing\n');
    expect(loadWith('extra/test-broken.yaml', text)).toEqual([
      "extra/test-broken.yaml:9:7: unknown-shared-criterion: no shared criterion 'no-such-thing'",
    ]);
  });
});
