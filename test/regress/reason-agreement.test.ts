/**
 * Reason agreement in `mtus regress`: the decisive criteria's reason codes beside the reviewer's.
 * The rationale only labels: predictions are the same with and without it.
 */
import { describe, expect, it } from 'vitest';
import { importLetterText } from '../../src/import/import-letter.js';
import type { Case } from '../../src/model/case-schema.js';
import { caseOutcomes, type ItemOutcome } from '../../src/regress/item-outcome.js';
import { RegressCollector } from '../../src/regress/metrics.js';
import type { ReasonComparison } from '../../src/regress/reason-agreement.js';
import { bundledRuleset, mtus } from '../helpers.js';
import { DWC_DIR, letterFiles, readLetter } from '../import/corpus.js';

let n = 0;
function outcome(actual: ItemOutcome['actual'], predicted: ItemOutcome['predicted'], rule: string | null, reason: ReasonComparison | null): ItemOutcome {
  n++;
  const no_rule = predicted === 'no_rule' ? { reason: 'no_rule_for_treatment' as const, detail: 't' } : null;
  return { source: `c${n}.yaml`, case: `c${n}`, item: 1, request: 'x', treatment: 't', actual, predicted, no_rule, expect: null, rule, citation: null, citation_agrees: null, criteria: [], revision: 'rev', identities: [`c${n}`], reason };
}
const compared = (criteria: string[], reviewer: string[]): ReasonComparison => ({ criteria, reviewer, agrees: criteria.some((c) => reviewer.includes(c)), first_agrees: reviewer.includes(criteria[0]!) });

describe('reason agreement', () => {
  it('counts the items compared, per rule, and lists those right for the wrong reason', () => {
    const c = new RegressCollector({ keepPredictions: false });
    c.add(outcome('upheld', 'upheld', 'r1', compared(['no_red_flags', 'no_objective_findings'], ['no_objective_findings'])));
    c.add(outcome('upheld', 'upheld', 'r1', compared(['no_failed_conservative_care'], ['no_surgery_planned'])));
    c.add(outcome('overturned', 'upheld', 'r2', compared(['exceeds_quantity_or_duration'], ['criteria_met'])));
    c.add(outcome('overturned', 'overturned', 'r2', compared(['criteria_met'], ['criteria_met'])));
    c.add(outcome('upheld', 'no_rule', null, null));
    c.add(outcome(null, 'upheld', 'r1', compared(['no_red_flags'], ['no_red_flags'])));
    const r = c.report();
    expect(r.reason_compared).toBe(4);
    expect(r.reason_agreement).toBe(0.5);
    expect(r.reason_agreement_first).toBe(0.25);
    expect(r.reason_rules).toEqual([{ rule: 'r1', items: 2, agree: 1 }, { rule: 'r2', items: 2, agree: 1 }]);
    expect(r.right_for_wrong_reason).toEqual([expect.objectContaining({ rule: 'r1', criteria: ['no_failed_conservative_care'], reviewer: ['no_surgery_planned'] })]);
  });

  it('is null when no item could be compared', () => {
    const c = new RegressCollector({ keepPredictions: false });
    c.add(outcome('upheld', 'no_rule', null, null));
    expect(c.report().reason_agreement).toBeNull();
  });

  it('the rationale never changes a prediction: every shared letter predicts the same without its rationales', async () => {
    const ruleset = bundledRuleset();
    let withReason = 0;
    for (const file of letterFiles(DWC_DIR)) {
      await new Promise<void>((resolve) => setImmediate(resolve)); // let the runner's messages through
      const r = importLetterText(readLetter(file), file, ruleset.catalog);
      if (!r.ok) throw new Error(r.error);
      const stripped: Case = { ...r.kase, items: r.kase.items.map((it) => (it.actual ? { ...it, actual: { ...it.actual, rationale: undefined } } : it)) };
      const before = await caseOutcomes(ruleset, { source: file, kase: r.kase, identities: [] });
      const after = await caseOutcomes(ruleset, { source: file, kase: stripped, identities: [] });
      const prediction = ({ reason, ...rest }: ItemOutcome) => rest;
      expect(after.map(prediction), file).toEqual(before.map(prediction));
      expect(after.every((o) => o.reason === null), file).toBe(true);
      withReason += before.filter((o) => o.reason).length;
    }
    expect(withReason).toBeGreaterThan(150);
  });

  it('mtus regress --json reports reason agreement, per rule, and the items right for the wrong reason; the text report shows them', () => {
    const letters = letterFiles(DWC_DIR).slice(0, 12);
    const r = mtus(['regress', ...letters, '--json', '--no-save']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(typeof j.reason_agreement).toBe('number');
    expect(j.reason_compared).toBeGreaterThan(0);
    expect(j.reason_rules.length).toBeGreaterThan(0);
    expect(j.reason_rules.reduce((a: number, x: { items: number }) => a + x.items, 0)).toBe(j.reason_compared);
    expect(Array.isArray(j.right_for_wrong_reason)).toBe(true);
    expect(j.predictions.some((p: ItemOutcome) => p.reason && p.reason.reviewer.length > 0)).toBe(true);
    const text = mtus(['regress', ...letters, '--no-save']);
    expect(text.stdout).toMatch(/Reason agreement: \d\.\d{3} \(\d+\/\d+ items/);
    expect(text.stdout).toMatch(/Right for the wrong reason \(\d+\)/);
    const md = mtus(['regress', ...letters, '--markdown', '--no-save']);
    expect(md.stdout).toMatch(/\| rule \| items \| reason agrees \|/);
  });
});
