import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

type Item = Case['items'][number];

const uds: Item = { request: 'Urine drug screen', treatment: 'urine_drug_screen' };
const count = (kase: Partial<Case>, study = 'urine_drug_screen', date = '2017-01-10') =>
  computeFact('studies_past_year', { kase, items: [uds], date, params: { study } });

describe('studies_past_year', () => {
  it('counts earlier tests of the kind dated within the year before the request', () => {
    const studies = [
      { study: 'urine_drug_screen', date: '2016-03-01' },
      { study: 'urine_drug_screen', date: '2016-10-15' },
      { study: 'urine_drug_screen', date: '2015-06-01' },
    ];
    expect(count({ studies })).toBe(2);
  });

  it('is zero when every test of the kind on record is older than a year', () => {
    expect(count({ studies: [{ study: 'urine_drug_screen', date: '2015-06-01' }] })).toBe(0);
  });

  it('reads a class: a confirmatory test is a drug test', () => {
    expect(count({ studies: [{ study: 'confirmatory_drug_test', date: '2016-12-01' }] }, 'drug_test')).toBe(1);
    expect(count({ studies: [{ study: 'confirmatory_drug_test', date: '2016-12-01' }] })).toBeUndefined();
  });

  it('does not count the requested test itself (dated on or after the request)', () => {
    expect(count({ studies: [{ study: 'urine_drug_screen', date: '2017-01-10' }] })).toBeUndefined();
  });

  it('is undocumented when the records show no test of the kind, or only undated ones', () => {
    expect(count({})).toBeUndefined();
    expect(count({ studies: [{ study: 'mri', body_region: ['lumbar'], date: '2016-12-01' }] })).toBeUndefined();
    expect(count({ studies: [{ study: 'urine_drug_screen' }] })).toBeUndefined();
  });

  it('takes the dated tests in the year as a lower bound beside undated ones', () => {
    expect(count({ studies: [{ study: 'urine_drug_screen' }, { study: 'urine_drug_screen', date: '2016-11-01' }] })).toBe(1);
  });
});
