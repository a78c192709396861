import { describe, expect, it } from 'vitest';
import { mtus, rulesWith, tempFile } from '../helpers.js';

describe('mtus check', () => {
  it('--json prints exactly the documented shape', () => {
    const r = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['case', 'items']);
    expect(out.items).toHaveLength(2);
    for (const item of out.items) {
      expect(Object.keys(item).sort()).toEqual(['actual', 'as_of', 'citation', 'criteria', 'item', 'missing', 'no_rule', 'phase_of_care', 'prediction', 'presumptions', 'rationale', 'request', 'rule', 'summary', 'treatment']);
      for (const c of item.criteria) expect(Object.keys(c).filter((k) => !['presumed', 'note', 'ingredient'].includes(k))).toEqual(['id', 'text', 'status', 'depth', 'rule', 'evidence']);
    }
    // Seed 001's ketamine cream refill: the reviewer continued it on its documented benefit, but the guideline admits
    // topical ketamine only in refractory cases in which all primary and secondary treatment has been exhausted, which
    // the summary does not document, so it is predicted upheld (issue 9, fidelity fixes).
    expect(out.items.map((i: { prediction: string }) => i.prediction)).toEqual(['upheld', 'upheld']);
    expect(out.items.map((i: { item: number }) => i.item)).toEqual([1, 2]);
  });

  it('--json keeps the evidence and the nesting the text report shows', () => {
    const file = 'cases/seeds/004_fa6a8ef17e548b53.yaml';
    const json = JSON.parse(mtus(['check', file, '--item', '2', '--json']).stdout).items[0];
    const text = mtus(['check', file, '--item', '2', '--verbose']).stdout;
    expect(json.as_of).toEqual({ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), from: expect.any(String) });
    const fused = json.criteria.find((c: { id: string }) => c.id === 'not-at-fused-level');
    expect(fused).toMatchObject({ status: 'not_met', rule: 'odg-facet-diagnostic-blocks', evidence: expect.stringMatching(/fused_segments = \["L4-L5","L5-S1"\]/) });
    expect(text).toContain(fused.evidence);
    // every criterion the text indents under another is one level deeper in the JSON, in the same order
    const indents = text.split('\n').filter((l) => /^\s+[✓✗?–] /.test(l)).map((l) => (l.length - l.trimStart().length - 3) / 2);
    expect(json.criteria.map((c: { depth: number }) => c.depth)).toEqual(indents);
  });

  it('--verbose prints a readable report with a line per criterion', () => {
    const r = mtus(['check', 'cases/seeds/004_fa6a8ef17e548b53.yaml', '--item', '2', '--verbose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Prediction: UPHELD');
    expect(r.stdout).toMatch(/✗ Not performed in patients who have had a previous fusion procedure/);
    expect(r.stdout).toContain('Rationale: The request for Bilateral diagnostic medial branch block');
  });

  it('--as-of picks the edition in force', () => {
    const r = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--item', '2', '--as-of', '2016-08-01', '--json']);
    expect(JSON.parse(r.stdout).items[0].item).toBe(2);
    expect(JSON.parse(r.stdout).items[0].citation).toBe('MTUS Chronic Pain Medical Treatment Guidelines (2016), Topical analgesics');
  });

  it('a malformed case file: exit 2, one located line per problem, nothing on stdout', () => {
    const file = tempFile('bad-case.yaml', 'id: x\nsource: y\npatient: { age: old }\nitems:\n  - request: MRI\n    quantitty: 2\n');
    const r = mtus(['check', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bad-case\.yaml:3:17: invalid-type: 'age' must be a number, found "old"$/);
    expect(lines[1]).toMatch(/bad-case\.yaml:6:5: unknown-key: unknown key 'quantitty' in items\.0 \(did you mean 'quantity'\?\)$/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('a malformed rule file: exit 2 with its file:line:column', () => {
    const dir = rulesWith({ 'extra/broken-rule.yaml': 'id: broken-rule\ntitle: [unclosed\n' });
    const r = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--rules', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/extra\/broken-rule\.yaml:\d+:\d+: yaml-syntax: /);
  });

  it('bad arguments exit 2 with one line', () => {
    const missing = mtus(['check', 'no/such/case.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('no/such/case.yaml: no such file or directory');
    const badDate = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--as-of', '2016-13-01']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/expected a date YYYY-MM-DD/);
  });
});
