import { describe, expect, it } from 'vitest';
import { FactContext } from '../../src/facts/fact-context.js';
import { FACTS } from '../../src/facts/registry.js';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { ingredientItem, resolveItem } from '../../src/predict/resolve-item.js';
import { normaliseItem } from '../../src/request/normalise-case.js';
import { bundledRuleset, computeFact } from '../helpers.js';

/** A fact for item `index` of a case, with the item resolved through the catalog as predictions do. */
function fact(name: string, kase: Partial<Case>, items: DisputedItem[], index = 0) {
  return computeFact(name, { kase, items, index, date: '2017-01-15', resolve: true });
}

const ppi = { request: 'Prilosec 20mg #90' };

describe('NSAID therapy for GI protection', () => {
  it('is documented by a current oral NSAID or an NSAID requested in the same case', () => {
    expect(fact('nsaid_therapy', { treatments: [{ treatment: 'naproxen', current: true }] }, [ppi])).toBe(true);
    expect(fact('nsaid_therapy', {}, [ppi, { request: 'Celecoxib 200mg #90' }])).toBe(true);
  });

  it('does not count topical NSAIDs, and is false only when NSAID use is documented as stopped', () => {
    expect(fact('nsaid_therapy', {}, [ppi, { request: 'Diclofenac sodium 3% gel' }])).toBeUndefined();
    expect(fact('nsaid_therapy', { treatments: [{ treatment: 'ibuprofen', current: false }] }, [ppi])).toBe(false);
    expect(fact('nsaid_therapy', { treatments: [{ treatment: 'ibuprofen', start: '2016-10-01', end: '2016-11-01' }] }, [ppi])).toBe(false);
    expect(fact('nsaid_therapy', { treatments: [{ treatment: 'ibuprofen' }] }, [ppi])).toBeUndefined();
    expect(fact('nsaid_therapy', {}, [ppi])).toBeUndefined();
  });

  it('counts distinct oral NSAIDs in use or requested, the item itself included', () => {
    const kase = { treatments: [{ treatment: 'meloxicam', current: true }, { treatment: 'ibuprofen', current: false }] };
    expect(fact('concurrent_nsaids', kase, [{ request: 'Naproxen 550mg #60' }])).toBe(2);
    expect(fact('concurrent_nsaids', kase, [ppi, { request: 'Mobic 7.5mg #30' }])).toBe(1);
    expect(fact('concurrent_nsaids', { treatments: [{ treatment: 'ibuprofen', current: false }] }, [ppi])).toBe(0);
    expect(fact('concurrent_nsaids', {}, [ppi])).toBeUndefined();
  });
});

describe('topical products', () => {
  it('read the dosage form from the request, a Lidoderm request being a patch', () => {
    expect(fact('dosage_form', {}, [{ request: 'Lidocaine ointment 5% #1' }])).toBe('ointment');
    expect(fact('dosage_form', {}, [{ request: 'Lidoderm 5% #30' }])).toBe('patch');
    expect(fact('dosage_form', {}, [{ request: 'Lidocaine 5% patches #30' }])).toBe('patch');
    expect(fact('dosage_form', {}, [{ request: 'Lidocaine 5%' }])).toBeUndefined();
  });

  it('read an ingredient of a compounded product as compounded, whatever the product', () => {
    const catalog = bundledRuleset().catalog;
    const item = normaliseItem({ request: 'Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1' }, catalog);
    const full = { id: 't', source: 't', items: [item] } as Case;
    const { resolved, ingredients } = resolveItem(item, 1, catalog);
    expect(ingredients).toContain('lidocaine');
    const ctx = new FactContext(full, ingredientItem(resolved, 'lidocaine'), catalog, { date: '2017-01-15', from: 'option' });
    expect(FACTS.get('dosage_form')!.compute(ctx, {})).toBe('compounded');
  });

  it('are applied where the request says, else where the records locate the pain', () => {
    expect(fact('target_regions', { body_regions: ['lumbar', 'knee'] }, [{ request: 'Voltaren gel 1% for the right knee' }])).toEqual(['knee']);
    expect(fact('target_regions', { body_regions: ['lumbar', 'knee'] }, [{ request: 'Voltaren gel 1%' }])).toEqual(['lumbar', 'knee']);
    expect(fact('target_regions', {}, [{ request: 'Voltaren gel 1%' }])).toBeUndefined();
  });
});
