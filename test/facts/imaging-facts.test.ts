import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

type Item = Case['items'][number];

function fact(name: string, kase: Partial<Case>, item: Item, date = '2017-01-10', params: Record<string, unknown> = {}) {
  return computeFact(name, { kase, items: [item], date, params });
}

describe('care_failed', () => {
  const mri: Item = { request: 'MRI lumbar spine', treatment: 'mri', body_region: ['lumbar'] };
  const failed = (kase: Partial<Case>, treatment = 'conservative_care') => fact('care_failed', kase, mri, undefined, { treatment });

  it('a documented failed response of any member of the class is failure', () => {
    expect(failed({ treatments: [{ treatment: 'physical_therapy', response: 'failed' }, { treatment: 'chiropractic', response: 'partial' }] })).toBe(true);
    expect(failed({ treatments: [{ treatment: 'naproxen', response: 'intolerant' }] })).toBe(true);
  });

  it('a documented benefit without any failure is not failure', () => {
    expect(failed({ treatments: [{ treatment: 'chiropractic', response: 'partial' }], functional_improvement: false })).toBe(false);
  });

  it('care tried with no response recorded falls back on the overall functional finding', () => {
    expect(failed({ treatments: [{ treatment: 'physical_therapy' }], functional_improvement: false })).toBe(true);
    expect(failed({ treatments: [{ treatment: 'physical_therapy' }], functional_improvement: true })).toBe(false);
    expect(failed({ treatments: [{ treatment: 'physical_therapy' }] })).toBeUndefined();
  });

  it('is undocumented when no such care was tried, whatever the overall finding', () => {
    expect(failed({ treatments: [{ treatment: 'tramadol' }], functional_improvement: false })).toBeUndefined();
    expect(failed({ treatments: [{ treatment: 'physical_therapy', response: 'not_tried' }], functional_improvement: false })).toBeUndefined();
    expect(failed({})).toBeUndefined();
  });

  it('reads the treatment named, not the whole class', () => {
    expect(failed({ treatments: [{ treatment: 'chiropractic', response: 'failed' }] }, 'physical_therapy')).toBeUndefined();
  });
});

describe('repeat_study', () => {
  const lumbarMri: Item = { request: 'MRI lumbar spine', treatment: 'mri', body_region: ['lumbar'] };

  it('is true when an earlier study of the same kind and region is on record', () => {
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['lumbar'], date: '2016-03-01' }] }, lumbarMri)).toBe(true);
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['lumbar'] }] }, lumbarMri)).toBe(true);
  });

  it('is undocumented, not false, when the records show no earlier study of that kind and region', () => {
    expect(fact('repeat_study', {}, lumbarMri)).toBeUndefined();
    expect(fact('repeat_study', { studies: [{ study: 'ct', body_region: ['lumbar'] }] }, lumbarMri)).toBeUndefined();
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['cervical'] }] }, lumbarMri)).toBeUndefined();
    // an MRI whose region is not documented cannot be said to image the same region
    expect(fact('repeat_study', { studies: [{ study: 'mri' }] }, lumbarMri)).toBeUndefined();
  });

  it('does not count a study dated on or after the request (the requested study itself, done retrospectively)', () => {
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['lumbar'], date: '2017-01-10' }] }, lumbarMri)).toBeUndefined();
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['lumbar'], date: '2017-01-18' }] }, lumbarMri)).toBeUndefined();
  });

  it('counts any overlap of regions, and is undocumented when the item names no region', () => {
    const both: Item = { request: 'MRI cervical and thoracic', treatment: 'mri', body_region: ['cervical', 'thoracic'] };
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['thoracic'] }] }, both)).toBe(true);
    expect(fact('repeat_study', { studies: [{ study: 'mri', body_region: ['lumbar'] }] }, { request: 'MRI', treatment: 'mri' })).toBeUndefined();
  });
});

describe('radiculopathy_clinically_obvious', () => {
  const emg: Item = { request: 'EMG bilateral lower extremities', treatment: 'emg', body_region: ['lower_extremity'] };

  it('needs an objective deficit together with a radiculopathy diagnosis or imaging of root compromise', () => {
    expect(fact('radiculopathy_clinically_obvious', { conditions: ['radiculopathy'], findings: ['weakness'] }, emg)).toBe(true);
    expect(fact('radiculopathy_clinically_obvious', { findings: ['sensory_deficit', 'imaging_nerve_root_compromise'] }, emg)).toBe(true);
  });

  it('is undocumented when the records are silent on the deficit or on what places it at a root', () => {
    expect(fact('radiculopathy_clinically_obvious', { conditions: ['radiculopathy'], findings: ['radiating_pain', 'paresthesia'] }, emg)).toBeUndefined();
    expect(fact('radiculopathy_clinically_obvious', { findings: ['weakness'] }, emg)).toBeUndefined();
    expect(fact('radiculopathy_clinically_obvious', {}, emg)).toBeUndefined();
  });

  it('is false when the records rule out the deficit, or both the diagnosis and the imaging finding', () => {
    expect(fact('radiculopathy_clinically_obvious', { conditions: ['radiculopathy'], findings_absent: ['neuro_deficit'] }, emg)).toBe(false);
    expect(fact('radiculopathy_clinically_obvious', { findings: ['weakness'], conditions_absent: ['radiculopathy'], findings_absent: ['imaging_nerve_root_compromise'] }, emg)).toBe(false);
  });
});
