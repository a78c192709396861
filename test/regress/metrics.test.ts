import { describe, expect, it } from 'vitest';
import { citationAgrees } from '../../src/regress/citation-match.js';
import type { ItemOutcome } from '../../src/regress/item-outcome.js';
import { RegressCollector } from '../../src/regress/metrics.js';

let n = 0;
function outcome(actual: ItemOutcome['actual'], predicted: ItemOutcome['predicted'], extra: Partial<ItemOutcome> = {}): ItemOutcome {
  n++;
  const no_rule = predicted === 'no_rule' ? { reason: 'no_rule_for_treatment' as const, detail: 't' } : null;
  return { source: `c${n}.yaml`, case: `c${n}`, item: 1, request: 'x', treatment: 't', actual, predicted, no_rule, expect: null, rule: predicted === 'no_rule' ? null : 'r1', citation: null, citation_agrees: null, criteria: [], revision: 'rev', identities: [`c${n}`], ...extra };
}

describe('regression metrics', () => {
  it('confusion matrix, accuracy and balanced accuracy count no_rule as a miss', () => {
    const c = new RegressCollector({ keepPredictions: false });
    // 8 upheld: 6 right, 1 wrongly overturned, 1 no rule; 2 overturned: 1 right, 1 no rule
    for (let i = 0; i < 6; i++) c.add(outcome('upheld', 'upheld'));
    c.add(outcome('upheld', 'overturned'));
    c.add(outcome('upheld', 'no_rule'));
    c.add(outcome('overturned', 'overturned'));
    c.add(outcome('overturned', 'no_rule'));
    const r = c.report();
    expect(r.items).toBe(10);
    expect(r.covered).toBe(8);
    expect(r.actual).toEqual({ upheld: 8, overturned: 2 });
    expect(r.confusion).toEqual({ upheld: { upheld: 6, overturned: 1, no_rule: 1 }, overturned: { upheld: 0, overturned: 1, no_rule: 1 } });
    expect(r.accuracy).toBe(0.7);
    expect(r.balanced_accuracy).toBe(0.625); // (6/8 + 1/2) / 2
    expect(r.overturned_recall).toBe(0.5);
    expect(r.overturned_precision).toBe(0.5);
    expect(r.baseline).toEqual({ accuracy: 0.8, balanced_accuracy: 0.5 });
    expect(r.mismatches.map((m) => m.predicted)).toEqual(['overturned', 'no_rule', 'no_rule']);
    expect(r.rules).toEqual([{ rule: 'r1', items: 8, agree: 7 }]);
  });

  it('precision is null when nothing is predicted overturned; unscored items are counted apart', () => {
    const c = new RegressCollector({ keepPredictions: true });
    c.add(outcome('upheld', 'upheld'));
    c.add(outcome(null, 'overturned'));
    const r = c.report();
    expect(r.overturned_precision).toBeNull();
    expect(r.unscored).toBe(1);
    expect(r.items).toBe(1);
    expect(r.predictions).toHaveLength(2);
  });

  it('a pinned prediction that changed is reported', () => {
    const c = new RegressCollector({ keepPredictions: false });
    c.add(outcome('upheld', 'upheld', { expect: 'overturned' }));
    expect(c.report().pinned_failures).toHaveLength(1);
  });

  it('citation agreement: same document family and a shared section word or page', () => {
    const topical = { document: 'MTUS Chronic Pain Medical Treatment Guidelines', edition: '2009', section: 'Topical Analgesics (Ketamine)', pages: '111-113' };
    expect(citationAgrees(topical, 'MTUS Chronic Pain Treatment Guidelines TOPICAL ANALGESICS Page(s): 111-113')).toBe(true);
    expect(citationAgrees(topical, 'MTUS Chronic Pain Treatment Guidelines Ketamine Page(s): 56')).toBe(true);
    expect(citationAgrees(topical, 'MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 82-92')).toBe(false);
    const facet = { document: 'Official Disability Guidelines (ODG)', edition: 'Low Back', section: 'Facet joint diagnostic blocks (injections)' };
    expect(citationAgrees(facet, 'Non-MTUS Citation Official Disability Guidelines (ODG) Low Back Chapter, under Facet Joint Diagnostic')).toBe(true);
    expect(citationAgrees(facet, 'MTUS Low Back Complaints 2004, Section(s): Special Studies')).toBe(false);
  });
});
