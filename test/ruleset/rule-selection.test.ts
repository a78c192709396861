import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/ruleset/load-ruleset.js';
import { editionAt } from '../../src/ruleset/editions.js';
import { bundledRuleset, rulesWith } from '../helpers.js';

const select = (treatment: string, route: string | undefined, date: string, regions?: string[]) =>
  bundledRuleset().index.select({ treatment, route: route as never, regions: regions as never, date }).map((r) => r.rule.id);

describe('selecting the rules that apply to an item', () => {
  it('by treatment and route: topical and intravenous ketamine meet different rules', () => {
    expect(select('ketamine', 'topical', '2015-01-01')).toEqual(['cpmtg-topical-ketamine']);
    expect(select('ketamine', 'intravenous', '2015-01-01')).toEqual(['cpmtg-ketamine-parenteral']);
  });

  it('by class: any opioid meets the opioid rule', () => {
    expect(select('morphine', 'oral', '2015-01-01')).toContain('cpmtg-opioids');
    expect(select('tapentadol', 'oral', '2015-01-01')).toContain('cpmtg-opioids');
  });

  it('by the edition in force on the request date', () => {
    const rule = bundledRuleset().rules.find((r) => r.rule.id === 'cpmtg-topical-ketamine')!.rule;
    expect(editionAt(rule, '2016-07-28')?.source.edition).toBe('2009');
    expect(editionAt(rule, '2016-07-29')?.source.edition).toBe('2016');
    expect(editionAt(rule, '2009-07-17')).toBeUndefined();
    expect(select('morphine', 'oral', '2016-07-28')).toContain('cpmtg-opioids');
    expect(select('morphine', 'oral', '2016-07-29')).not.toContain('cpmtg-opioids');
  });

  it('by body region: lumbar facet rules do not apply to a cervical request', () => {
    expect(select('medial_branch_block', undefined, '2015-01-01', ['lumbar'])).toEqual(['odg-facet-diagnostic-blocks']);
    // the ACOEM neck chapter's rule judges cervical blocks; the lumbar one never does
    expect(select('medial_branch_block', undefined, '2015-01-01', ['cervical'])).toEqual(['acoem-neck-invasive-injections']);
  });

  it('nothing applies to an unknown treatment', () => {
    expect(bundledRuleset().index.select({ treatment: undefined, route: undefined, regions: undefined, date: '2015-01-01' })).toEqual([]);
  });

  it('a rule that overrides another replaces it where both apply', () => {
    const dir = rulesWith({
      'extra/narrow-ketamine.yaml': `id: narrow-ketamine
title: narrower
source: { document: Test, edition: "1", section: S }
effective: { from: "2009-07-18" }
applies_to: { treatments: [ketamine], routes: [topical] }
recommendation: not_recommended
overrides: [cpmtg-topical-ketamine]
examples: []
`,
    });
    const rs = loadRuleset(dir);
    expect(rs.index.select({ treatment: 'ketamine', route: 'topical', regions: undefined, date: '2015-01-01' }).map((r) => r.rule.id)).toEqual(['narrow-ketamine']);
  });
});
