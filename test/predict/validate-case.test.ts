/** Library users: an in-code case is validated like a case file, and evaluateCase refuses an invalid one. */
import { describe, expect, it } from 'vitest';
import { validateCase, validateCaseFile } from '../../src/cases/validate-case.js';
import { formatDiagnostic, InputError } from '../../src/diagnostics/diagnostic.js';
import type { Case } from '../../src/model/case-schema.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { bundledRuleset, tempFile } from '../helpers.js';

const kase = (over: Partial<Case> = {}): Case => ({
  id: 'lib-1',
  source: 'in code',
  dates: { injury: '2014-01-10', request: '2015-03-01' },
  items: [{ request: 'Flexeril 7.5 mg #90', treatment: 'cyclobenzaprine', quantity: 90, frequency: 'q8h' }],
  ...over,
});

const lines = (v: ReturnType<typeof validateCase>) => (v.ok ? [] : v.diagnostics.map(formatDiagnostic));

describe('validateCase', () => {
  it('accepts a valid in-code case and returns it', () => {
    const v = validateCase(kase(), bundledRuleset().catalog);
    expect(v).toEqual({ ok: true, kase: kase() });
  });

  it('names the case and the path, with a suggestion drawn from the catalog ids and names', () => {
    const bad = kase({ conditions: ['rsd'], items: [{ request: 'Flexeril', treatment: 'flexeril' }] });
    expect(lines(validateCase(bad, bundledRuleset().catalog))).toEqual([
      "case lib-1: conditions.0: 'rsd' is not a catalog condition tag (did you mean 'crps'? the catalog lists 'RSD' as one of its names)",
      "case lib-1: items.0.treatment: 'flexeril' is not a catalog treatment or class (did you mean 'cyclobenzaprine'? the catalog lists 'flexeril' as one of its names)",
    ]);
  });

  it('reports shape problems in one pass, and impossible dates', () => {
    const bad = { ...kase(), patient: { age: 'old' }, dates: { injury: '2014-01-10', ur_denial: '2013-12-01', request: '2099-01-01' } };
    expect(lines(validateCase(bad, bundledRuleset().catalog))).toEqual(["case lib-1: patient.age: 'age' must be a number, found \"old\""]);
    const dated = kase({ dates: { injury: '2014-01-10', ur_denial: '2013-12-01', request: '2099-01-01' } });
    expect(lines(validateCase(dated, bundledRuleset().catalog))).toEqual([
      'case lib-1: dates.ur_denial: the UR denial date 2013-12-01 is before the injury (2014-01-10)',
      expect.stringMatching(/^case lib-1: dates\.request: 2099-01-01 is after today \(\d{4}-\d{2}-\d{2}\)$/),
    ]);
  });

  it('locates the problems of a case file at file:line:column', () => {
    const file = tempFile('lib.yaml', 'id: x\nsource: y\nitems:\n  - request: MRI\n    treatment: mri_scan\n');
    expect(lines(validateCaseFile(file, bundledRuleset().catalog))).toEqual([expect.stringMatching(/lib\.yaml:5:16: unknown-treatment: 'mri_scan' is not a catalog treatment or class/)]);
  });
});

describe('evaluateCase validates the case first', () => {
  it('an unknown treatment is an error, not a quiet no_rule', async () => {
    const bad = kase({ items: [{ request: 'Flexeril 7.5 mg #90', treatment: 'flexerill' }] });
    await expect(evaluateCase(bundledRuleset(), bad)).rejects.toThrow(InputError);
    await expect(evaluateCase(bundledRuleset(), bad)).rejects.toThrow(/items\.0\.treatment: 'flexerill' is not a catalog treatment or class \(did you mean 'cyclobenzaprine'\?/);
  });

  it('asOf must be a date, not after today, not before the injury', async () => {
    await expect(evaluateCase(bundledRuleset(), kase(), { asOf: '2017-02-30' })).rejects.toThrow(/asOf 2017-02-30 is not a date/);
    await expect(evaluateCase(bundledRuleset(), kase(), { asOf: '2099-01-01' })).rejects.toThrow(/asOf 2099-01-01 is after today/);
    await expect(evaluateCase(bundledRuleset(), kase(), { asOf: '2010-01-01' })).rejects.toThrow(/asOf 2010-01-01 is before the injury \(2014-01-10\)/);
    const ok = await evaluateCase(bundledRuleset(), kase(), { asOf: '2015-03-01' });
    expect(ok.items[0]!.prediction.asOf).toEqual({ date: '2015-03-01', from: 'option' });
  });
});
