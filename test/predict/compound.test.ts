import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/case-schema.js';
import { predictItem } from '../../src/predict/predict-item.js';
import { bundledRuleset } from '../helpers.js';

async function predict(item: Case['items'][number], kase: Partial<Case> = {}) {
  const full = { id: 'c', source: 't', dates: { request: '2016-09-01' }, items: [item], ...kase } as Case;
  return predictItem(bundledRuleset(), full, 1);
}

const refractoryCrps: Partial<Case> = {
  conditions: ['crps_1'],
  treatments: [{ treatment: 'amitriptyline', response: 'failed' }, { treatment: 'gabapentin', response: 'failed' }],
};

describe('compounded products', () => {
  it('under the 2009 edition a compounded topical analgesic is not recommended, whatever its ingredients', async () => {
    const p = await predict({ request: 'Compounded ketamine 10% cream', ingredients: ['ketamine'] }, { ...refractoryCrps, dates: { request: '2015-06-01' } });
    expect(p.prediction).toBe('upheld');
    expect(p.decisive?.evaluation.compiled.rule.id).toBe('cpmtg-compounded-topicals-2009');
  });

  it('one ingredient that is not recommended makes the compound not recommended', async () => {
    const p = await predict({ request: 'Ketamine 10%/Cyclobenzaprine 2% cream 120 g' }, refractoryCrps);
    expect(p.resolved.treatment).toBe('compound');
    expect(p.ingredients?.map((v) => [v.ingredient, v.prediction])).toEqual([['ketamine', 'overturned'], ['cyclobenzaprine', 'upheld']]);
    expect(p.prediction).toBe('upheld');
    expect(p.decisive?.evaluation.compiled.rule.id).toBe('cpmtg-compounded-topicals');
  });

  it('a compound whose every ingredient is recommended passes', async () => {
    const p = await predict({ request: 'Compounded ketamine 10% cream', ingredients: ['ketamine'] }, refractoryCrps);
    expect(p.prediction).toBe('overturned');
  });

  it('an ingredient with no rule leaves the compound without a prediction, unless another fails it', async () => {
    const noRule = await predict({ request: 'Ketamine 10%/Clonidine 0.2% cream' }, refractoryCrps);
    expect(noRule.ingredients?.find((v) => v.ingredient === 'clonidine')?.prediction).toBe('no_rule');
    expect(noRule.prediction).toBe('no_rule');
    const failed = await predict({ request: 'Cyclobenzaprine 2%/Clonidine 0.2% cream' }, refractoryCrps);
    expect(failed.prediction).toBe('upheld');
  });

  it('a branded compound resolves to its ingredients through the catalog', async () => {
    const p = await predict({ request: 'Cyclophene 5% cream 111.2 grams' });
    expect(p.resolved.treatment).toBe('cyclophene');
    expect(p.ingredients?.map((v) => v.ingredient)).toEqual(['cyclobenzaprine']);
    expect(p.prediction).toBe('upheld');
  });
});
