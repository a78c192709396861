import { describe, expect, it } from 'vitest';
import { dosesPerDay } from '../../src/catalog/frequency.js';
import { daysBetween, weeksBetween } from '../../src/facts/dates.js';
import type { Case } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

function fact(name: string, kase: Partial<Case>, item: Case['items'][number], date = '2014-02-19', params = {}) {
  return computeFact(name, { kase, items: [item], date, params });
}

describe('date and duration arithmetic', () => {
  it('counts days and weeks between ISO dates across leap years', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(weeksBetween('2013-08-21', '2014-02-19')).toBe(26);
  });

  it('weeks on a drug run from its start date to the request date', () => {
    const item = { request: 'Flexeril', treatment: 'cyclobenzaprine' };
    expect(fact('weeks_on_drug', { treatments: [{ treatment: 'cyclobenzaprine', start: '2013-08-21', current: true }] }, item)).toBe(26);
    expect(fact('weeks_on_drug', { treatments: [{ treatment: 'cyclobenzaprine', duration_weeks: 35 }] }, item)).toBe(35);
    expect(fact('weeks_on_drug', { treatments: [{ treatment: 'cyclobenzaprine', current: true }] }, item)).toBeUndefined();
    expect(fact('weeks_on_drug', {}, item)).toBeUndefined();
  });

  it('a stopped drug counts to its end date', () => {
    const item = { request: 'Flexeril', treatment: 'cyclobenzaprine' };
    expect(fact('weeks_on_drug', { treatments: [{ treatment: 'cyclobenzaprine', start: '2014-01-01', end: '2014-01-15', current: false }] }, item)).toBe(2);
  });

  it('weeks since injury use the date the request is judged at', () => {
    expect(fact('weeks_since_injury', { dates: { injury: '2014-01-01' } }, { request: 'x' }, '2014-01-29')).toBe(4);
    expect(fact('weeks_since_injury', {}, { request: 'x' })).toBeUndefined();
  });

  it('doses a day from frequencies as written', () => {
    expect(dosesPerDay('q8hrs')).toBe(3);
    expect(dosesPerDay('1 tab q 9H')).toBeCloseTo(2.67);
    expect(dosesPerDay('every 4-6 hours as needed')).toBe(6);
    expect(dosesPerDay('TID')).toBe(3);
    expect(dosesPerDay('twice a day')).toBe(2);
    expect(dosesPerDay('as directed')).toBeUndefined();
  });

  it('days supply from quantity and frequency, else bounded by the most doses a day', () => {
    expect(fact('days_supply', {}, { request: 'x', treatment: 'cyclobenzaprine', quantity: 90, frequency: 'q8hrs' })).toBe(30);
    expect(fact('days_supply', {}, { request: 'x', treatment: 'cyclobenzaprine', quantity: 90 })).toBe(30);
    expect(fact('days_supply', {}, { request: 'x', treatment: 'morphine', quantity: 90 })).toBeUndefined();
  });

  it('fused segments: documented levels; undocumented when no fusion is documented or a fusion lacks levels', () => {
    const item = { request: 'MBB', levels: ['L4', 'L5', 'S1'] };
    expect(fact('fused_segments', { procedures: [{ procedure: 'lumbar_fusion', levels: ['L4-5', 'L5-S1'] }] }, item)).toEqual(['L4-L5', 'L5-S1']);
    expect(fact('fused_segments', { procedures: [{ procedure: 'laminectomy' }] }, item)).toBeUndefined();
    expect(fact('fused_segments', { procedures: [{ procedure: 'lumbar_fusion' }] }, item)).toBeUndefined();
    expect(fact('targeted_joints', {}, item)).toEqual(['L4-L5', 'L5-S1']);
  });

  it('request_conflicts_records: true or false only when the records give their own version of the request', () => {
    const cream = { request: 'Ketamine 5% cream', treatment: 'ketamine', route: 'topical' as const };
    expect(fact('request_conflicts_records', {}, cream)).toBeUndefined();
    expect(fact('request_conflicts_records', {}, { ...cream, records_show: { treatment: 'ketamine', route: 'injection' } })).toBe(true);
    expect(fact('request_conflicts_records', {}, { ...cream, records_show: { treatment: 'ketamine', route: 'topical' } })).toBe(false);
  });

  it('condition tags are three-valued and follow implications', () => {
    const item = { request: 'x' };
    const tag = (kase: Partial<Case>, t: string) => fact('condition', kase, item, undefined, { tag: t });
    expect(tag({ conditions: ['crps_1'] }, 'neuropathic_pain')).toBe(true);
    expect(tag({ conditions: ['crps_1'] }, 'crps')).toBe(true);
    expect(tag({ conditions: ['depression'] }, 'crps')).toBeUndefined();
    expect(tag({ conditions_absent: ['crps'] }, 'crps_1')).toBe(false);
  });
});
