import { describe, expect, it } from 'vitest';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

function fact(name: string, kase: Partial<Case>, items: DisputedItem[], params: Record<string, unknown>, index = 0) {
  return computeFact(name, { kase, items, index, date: '2015-01-15', resolve: true, params });
}

const senna = { request: 'Senokot-S #60' };
const opioid = { treatment: 'opioid' };

describe('therapy with a drug class beside the item', () => {
  it('is documented by a current member of the class or one requested in another item', () => {
    expect(fact('therapy_with', { treatments: [{ treatment: 'hydrocodone', current: true }] }, [senna], opioid)).toBe(true);
    expect(fact('therapy_with', {}, [senna, { request: 'Norco 10/325 #120' }], opioid)).toBe(true);
  });

  it('is false only when documented use has ended, and undocumented otherwise', () => {
    expect(fact('therapy_with', { treatments: [{ treatment: 'oxycodone', current: false }] }, [senna], opioid)).toBe(false);
    expect(fact('therapy_with', { treatments: [{ treatment: 'oxycodone', start: '2014-01-01', end: '2014-03-01' }] }, [senna], opioid)).toBe(false);
    expect(fact('therapy_with', { treatments: [{ treatment: 'oxycodone' }] }, [senna], opioid)).toBeUndefined();
    expect(fact('therapy_with', {}, [senna], opioid)).toBeUndefined();
  });

  it('does not count the item itself, requested or on record', () => {
    expect(fact('therapy_with', {}, [{ request: 'Norco 10/325 #120' }], opioid)).toBeUndefined();
    expect(fact('therapy_with', { treatments: [{ treatment: 'fentanyl', current: false }] }, [{ request: 'Duragesic 25mcg/hr #10' }], opioid)).toBeUndefined();
    expect(fact('therapy_with', { treatments: [{ treatment: 'fentanyl', current: false }, { treatment: 'morphine', current: true }] }, [{ request: 'Duragesic 25mcg/hr #10' }], opioid)).toBe(true);
  });
});
