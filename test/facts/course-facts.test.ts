/** symptom_weeks, symptoms_persisted_despite and treatment_to_date_omits, computed as the evaluator does. */
import { describe, expect, it } from 'vitest';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

const fact = (name: string, kase: Partial<Case>, item: DisputedItem, params: Record<string, unknown> = {}) =>
  computeFact(name, { kase, items: [item], date: '2017-01-10', resolve: true, params });
const mri = { request: 'MRI of the lumbar spine' };

describe('symptom_weeks', () => {
  it('from the onset to the request date; stated weeks plus the time since the note that states them', () => {
    expect(fact('symptom_weeks', { symptom_duration: [{ onset: '2016-10-11' }] }, mri)).toBe(13);
    expect(fact('symptom_weeks', { symptom_duration: [{ weeks: 6, as_of: '2016-12-13' }] }, mri)).toBe(10);
    expect(fact('symptom_weeks', { symptom_duration: [{ weeks: 6 }] }, mri)).toBe(6);
  });

  it('the longest duration of the item\'s regions, or of none named; absent when none is stated', () => {
    const kase = { symptom_duration: [{ weeks: 30, body_region: ['cervical' as const] }, { weeks: 8, body_region: ['lumbar' as const] }, { weeks: 5 }] };
    expect(fact('symptom_weeks', kase, mri)).toBe(8);
    expect(fact('symptom_weeks', {}, mri)).toBeUndefined();
    expect(fact('symptom_weeks', { dates: { injury: '2015-01-01' } }, mri)).toBeUndefined();
  });
});

describe('symptoms_persisted_despite', () => {
  const pt = { request: 'Physical therapy x 6' };
  it('true when symptoms persisted or the trial failed; false when it worked; absent otherwise', () => {
    expect(fact('symptoms_persisted_despite', { treatments: [{ treatment: 'physical_therapy', symptoms_persist: true }] }, pt, { treatment: 'physical_medicine' })).toBe(true);
    expect(fact('symptoms_persisted_despite', { treatments: [{ treatment: 'physical_therapy', response: 'failed' }] }, pt, { treatment: 'physical_therapy' })).toBe(true);
    expect(fact('symptoms_persisted_despite', { treatments: [{ treatment: 'physical_therapy', response: 'effective' }] }, pt, { treatment: 'physical_therapy' })).toBe(false);
    expect(fact('symptoms_persisted_despite', { treatments: [{ treatment: 'physical_therapy' }] }, pt, { treatment: 'physical_therapy' })).toBeUndefined();
  });
});

describe('treatment_to_date_omits', () => {
  const acu = { request: 'Acupuncture x 6' };
  it('absent without a list; false when the list or the history names the treatment, its class or a member', () => {
    expect(fact('treatment_to_date_omits', {}, acu, { treatment: 'acupuncture' })).toBeUndefined();
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['acupuncture'] } }, acu, { treatment: 'acupuncture' })).toBe(false);
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['naproxen'] } }, acu, { treatment: 'nsaid' })).toBe(false);
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['nsaid'] } }, acu, { treatment: 'naproxen' })).toBe(false);
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: [] }, treatments: [{ treatment: 'acupuncture' }] }, acu, { treatment: 'acupuncture' })).toBe(false);
  });

  it('true when the list leaves it out; a drug left out of a list that says "medications" stays undocumented', () => {
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['physical_therapy'], other: ['medications'] } }, acu, { treatment: 'acupuncture' })).toBe(true);
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['physical_therapy'], other: ['medications'] } }, acu, { treatment: 'nsaid' })).toBeUndefined();
    expect(fact('treatment_to_date_omits', { treatment_to_date: { listed: ['physical_therapy'] } }, acu, { treatment: 'nsaid' })).toBe(true);
  });
});
