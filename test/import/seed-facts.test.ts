/**
 * Must-show 2: the five seed letters imported from their text give the facts the seed rules
 * need, and `mtus check` on the imported cases predicts the actual outcomes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLetterText } from '../../src/import/import-letter.js';
import type { Case } from '../../src/model/case-schema.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { checkJson } from '../../src/report/check-report.js';
import { tagStatus } from '../../src/facts/tags.js';
import { bundledRuleset } from '../helpers.js';
import { readLetter, SEEDS_DIR } from './corpus.js';

function seed(prefix: string): Case {
  const file = join(SEEDS_DIR, {
    '000': '000_81dbbc27a62a6b76.txt', '001': '001_c7c7a95bc446a0b9.txt', '002': '002_1328a018bac869b6.txt',
    '003': '003_f82ec10896ee3b83.txt', '004': '004_fa6a8ef17e548b53.txt',
  }[prefix]!);
  const r = importLetterText(readLetter(file), file, bundledRuleset().catalog);
  if (!r.ok) throw new Error(r.error);
  return r.kase;
}

const treatment = (k: Case, id: string) => k.treatments?.find((t) => t.treatment === id);
const neuropathic = (k: Case) => tagStatus(bundledRuleset().catalog, 'condition', 'neuropathic_pain', k.conditions, k.conditions_absent);

/**
 * Items where the guideline's reading differs from the reviewer's: seed 001's ketamine cream refill was continued on
 * its documented benefit, but the guideline admits topical ketamine only in refractory cases (all primary and
 * secondary treatment exhausted), which the summary does not document.
 */
const REVIEWER_DISAGREES = new Set(['001:Ketamine 5% cream #60 gr']);

describe('facts imported from the seed letters', () => {
  it('000: the records show topical ketamine against a request for an injection', () => {
    const k = seed('000');
    expect(k.items[0]).toMatchObject({ treatment: 'ketamine', route: 'injection', records_show: { treatment: 'ketamine', route: 'topical', strength: '5%' } });
    expect(k.evidence?.find((e) => e.path === 'items.0.records_show')?.text).toMatch(/was for ketamine HCL injection; however, the authorization for request was for ketamine 5% cream/);
    expect(treatment(k, 'ketamine')).toMatchObject({ route: 'topical', current: true, pain_relief: true });
    expect(k).toMatchObject({ patient: { age: 59, sex: 'female' }, dates: { injury: '1998-06-05', request: '2014-06-05' }, pain_score: 10 });
  });

  it('001: radicular symptoms (neuropathic pain); ketamine cream current with pain relief and functional improvement; cyclobenzaprine current', () => {
    const k = seed('001');
    expect(k.conditions).toContain('radiculopathy');
    expect(neuropathic(k)).toBe(true);
    expect(treatment(k, 'ketamine')).toMatchObject({ route: 'topical', current: true, pain_relief: true, functional_improvement: true });
    expect(treatment(k, 'cyclobenzaprine')).toMatchObject({ current: true, strength: '7.5 mg' });
    expect(k.items.map((i) => [i.treatment, i.quantity])).toEqual([['cyclobenzaprine', 90], ['ketamine', 60]]);
    expect(k.dates).toMatchObject({ injury: '1999-01-18', ur_denial: '2014-02-28' });
    expect(k.evidence?.find((e) => e.path === 'conditions.2')?.text).toMatch(/radicular symptoms/);
  });

  it('002: CRPS type 1 (neuropathic), IV ketamine for the upper limbs', () => {
    const k = seed('002');
    expect(k.conditions).toEqual(expect.arrayContaining(['crps_1', 'depression', 'insomnia', 'cancer']));
    expect(k.items[0]).toMatchObject({ treatment: 'ketamine', route: 'intravenous', body_region: ['upper_extremity'] });
    expect(treatment(k, 'tapentadol')).toMatchObject({ current: true, pain_relief: true });
  });

  it('003: conditions without a neuropathic tag; morphine current', () => {
    const k = seed('003');
    expect(k.conditions).toEqual(expect.arrayContaining(['post_laminectomy_syndrome', 'disc_herniation', 'depression']));
    expect(neuropathic(k)).toBeUndefined();
    expect(treatment(k, 'morphine')).toMatchObject({ current: true });
    expect(k.studies).toEqual([
      { study: 'mri', body_region: ['lumbar'], date: '2008-06-19' },
      { study: 'mri', body_region: ['lumbar'], date: '2012-07-20' },
    ]);
  });

  it('004: fusion at L4-L5 and L5-S1; medial branch blocks requested at L4, L5 and S1; negative straight leg raising', () => {
    const k = seed('004');
    expect(k.procedures?.find((p) => p.procedure === 'lumbar_fusion')).toMatchObject({ levels: ['L4-L5', 'L5-S1'], body_region: ['lumbar'] });
    expect(k.procedures?.find((p) => p.procedure === 'medial_branch_block')).toMatchObject({ levels: ['L3-L4'], side: 'bilateral' });
    expect(k.items[1]).toMatchObject({ treatment: 'medial_branch_block', levels: ['L4', 'L5', 'S1'], side: 'bilateral', body_region: ['lumbar'] });
    expect(k.findings_absent).toContain('radicular_signs');
    expect(treatment(k, 'anticonvulsant')).toBeDefined();
    expect(treatment(k, 'buprenorphine')).toMatchObject({ adverse_effects: true });
  });

  it.each(['000', '001', '002', '003', '004'])('seed %s: mtus check on the imported case predicts the actual outcomes', async (prefix) => {
    const rs = bundledRuleset();
    const result = checkJson(await evaluateCase(rs, seed(prefix)));
    for (const item of result.items) expect(item.prediction, item.request).toBe(REVIEWER_DISAGREES.has(`${prefix}:${item.request}`) ? 'upheld' : item.actual);
  });
});
