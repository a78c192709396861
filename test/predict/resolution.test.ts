import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/case-schema.js';
import { predictItem } from '../../src/predict/predict-item.js';
import { resolveItem } from '../../src/predict/resolve-item.js';
import { normaliseItem } from '../../src/request/normalise-case.js';
import { bundledRuleset } from '../helpers.js';

describe('item resolution and the decisive rule', () => {
  it('therapy that accompanies a surgery is postsurgical therapy', () => {
    const { catalog } = bundledRuleset();
    // Items are read where the case is built; resolution then reads the normalised item only.
    const resolve = (item: Parameters<typeof normaliseItem>[0]) => resolveItem(normaliseItem(item, catalog), 1, catalog).resolved.treatment;
    expect(resolve({ request: 'Associated surgical service: Physical therapy, times 12', associated_surgery: 'shoulder_stabilization' })).toBe('postsurgical_therapy');
    // a stated treatment linked to a surgery is read as serving it, with no text read at all
    expect(resolveItem({ request: 'x', treatment: 'physical_therapy', associated_surgery: 'shoulder_stabilization' }, 1, catalog).resolved.treatment).toBe('postsurgical_therapy');
    expect(resolve({ request: 'Physical therapy, times 12' })).toBe('physical_therapy');
    // equipment that accompanies a surgery keeps its own id
    expect(resolve({ request: 'Associated surgical service: Cold therapy unit', associated_surgery: 'shoulder_stabilization' })).not.toBe('postsurgical_therapy');
  });

  it('when every rule is met, the rule naming the treatment itself explains the prediction', async () => {
    const kase = {
      id: 'c',
      source: 't',
      dates: { injury: '2016-09-20', request: '2016-10-01' },
      conditions: ['muscle_spasm', 'sprain_strain'],
      treatments: [{ treatment: 'cyclobenzaprine', current: false }, { treatment: 'naproxen', response: 'failed' }],
      items: [{ request: 'Cyclobenzaprine 7.5 mg TID #21' }],
    } as Case;
    const p = await predictItem(bundledRuleset(), kase, 1);
    expect(p.prediction).toBe('overturned');
    expect(p.evaluations.length).toBeGreaterThan(1);
    expect(p.decisive?.evaluation.compiled.rule.id).toBe('cpmtg-cyclobenzaprine');
  });
});
