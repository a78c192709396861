import { describe, expect, it } from 'vitest';
import { daysOfUseStated } from '../../src/catalog/parse-request.js';
import { hoursPerWeekStated } from '../../src/facts/procedure-facts.js';
import type { Case } from '../../src/model/case-schema.js';
import { predictItem } from '../../src/predict/predict-item.js';
import { bundledRuleset, computeFact } from '../helpers.js';

function fact(name: string, kase: Partial<Case>, item: Case['items'][number], params = {}) {
  return computeFact(name, { kase, items: [item], date: '2016-12-20', params, resolve: true });
}

describe('durations and hours stated in a request', () => {
  it('reads days, weeks and months of use', () => {
    expect(daysOfUseStated('Cold therapy for one week')).toBe(7);
    expect(daysOfUseStated('Cryotherapy unit, seven day use')).toBe(7);
    expect(daysOfUseStated('standard wheelchair for a 2 month rental')).toBe(60);
    expect(daysOfUseStated('Cold therapy unit x 14 days')).toBe(14);
    expect(daysOfUseStated('Cold therapy unit')).toBeUndefined();
  });

  it('reads hours a week, from hours a day times days a week (every day when no days are given)', () => {
    expect(hoursPerWeekStated('Home health 10 hours per week')).toBe(10);
    expect(hoursPerWeekStated('Home health aide 4 hours a day, 5 days a week')).toBe(20);
    expect(hoursPerWeekStated('Home health aide 8 hrs/day')).toBe(56);
    expect(hoursPerWeekStated('Home health evaluation')).toBeUndefined();
  });

  it('use_days prefers the rental days the item states', () => {
    expect(fact('use_days', {}, { request: 'Cold therapy for one week', rental_days: 10 })).toBe(10);
    expect(fact('use_days', {}, { request: 'Cold therapy for one week' })).toBe(7);
  });
});

describe('earlier procedures of a kind', () => {
  const esi = { request: 'Lumbar epidural steroid injection L4-5' };

  it('counts the documented procedures of the kind; undocumented (not zero) when none is documented', () => {
    expect(fact('prior_procedure_count', {}, esi, { procedure: 'epidural_steroid_injection' })).toBeUndefined();
    expect(fact('prior_procedure_count', { procedures: [{ procedure: 'medial_branch_block' }] }, esi, { procedure: 'epidural_steroid_injection' })).toBeUndefined();
    const two = { procedures: [{ procedure: 'epidural_steroid_injection' }, { procedure: 'epidural_steroid_injection' }, { procedure: 'medial_branch_block' }] };
    expect(fact('prior_procedure_count', two, esi, { procedure: 'epidural_steroid_injection' })).toBe(2);
    expect(fact('prior_procedure_count', two, esi, { procedure: 'spinal_injection' })).toBe(3);
  });

  it('reads the relief of the most recent procedure that states it', () => {
    const kase = {
      procedures: [
        { procedure: 'epidural_steroid_injection', date: '2016-01-01', pain_relief_percent: 70, relief_weeks: 10 },
        { procedure: 'epidural_steroid_injection', date: '2016-06-01', pain_relief_percent: 30 },
      ],
    };
    expect(fact('prior_procedure_relief_percent', kase, esi, { procedure: 'epidural_steroid_injection' })).toBe(30);
    expect(fact('prior_procedure_relief_weeks', kase, esi, { procedure: 'epidural_steroid_injection' })).toBe(10);
    expect(fact('prior_procedure_relief_percent', {}, esi, { procedure: 'epidural_steroid_injection' })).toBeUndefined();
  });
});

describe('study results', () => {
  const knee = { request: 'Right knee arthroscopy', body_region: ['knee' as const] };

  it('an abnormal result of the region counts; a report opening "normal" does not', () => {
    const tear = { studies: [{ study: 'mri', body_region: ['knee' as const], result: 'medial meniscal tearing, normal ACL' }] };
    expect(fact('study_abnormal', tear, knee, { study: 'imaging' })).toBe(true);
    const normal = { studies: [{ study: 'xray', body_region: ['knee' as const], result: 'normal alignment, no degenerative changes' }] };
    expect(fact('study_abnormal', normal, knee, { study: 'imaging' })).toBe(false);
    const elsewhere = { studies: [{ study: 'mri', body_region: ['lumbar' as const], result: 'disc protrusion' }] };
    expect(fact('study_abnormal', elsewhere, knee, { study: 'imaging' })).toBeUndefined();
    expect(fact('study_abnormal', { studies: [{ study: 'mri', body_region: ['knee' as const] }] }, knee, { study: 'mri' })).toBeUndefined();
  });
});

describe('what a request names besides its main treatment', () => {
  it('finds a procedure named after the first one', () => {
    const item = { request: 'Right knee arthroscopy with evaluation of ACL, medical meniscectomy' };
    expect(fact('requested_treatment', {}, item)).toBe('knee_arthroscopy');
    expect(fact('request_names', {}, item, { treatment: 'meniscectomy' })).toBe(true);
    expect(fact('request_names', {}, item, { treatment: 'acl_reconstruction' })).toBe(false);
  });

  it('reads the class of the accompanying surgery', () => {
    const sling = { request: 'Slingshot sling', associated_surgery: 'shoulder_stabilization' };
    expect(fact('associated_surgery_is', {}, sling, { procedure: 'shoulder_surgery' })).toBe(true);
    expect(fact('associated_surgery_is', {}, { ...sling, associated_surgery: 'carpal_tunnel_release' }, { procedure: 'shoulder_surgery' })).toBe(false);
    expect(fact('associated_surgery_is', {}, { request: 'Sling' }, { procedure: 'shoulder_surgery' })).toBeUndefined();
  });
});

describe('a service that accompanies a surgery disputed in the same case follows that surgery', () => {
  const surgery = (conditions: string[]): Case => ({
    id: 'linked',
    source: 'test',
    dates: { injury: '2016-10-21', request: '2016-11-10' },
    conditions,
    treatments: [{ treatment: 'physical_therapy', response: 'failed' }],
    items: [
      { request: 'Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis', body_region: ['shoulder'] },
      { request: 'Associated surgical service: Cold therapy for one week', associated_surgery: 'shoulder_surgery' },
    ],
  });

  it('the cold therapy unit is necessary when the surgery is', async () => {
    const ruleset = bundledRuleset();
    const kase = surgery(['shoulder_dislocation']);
    expect((await predictItem(ruleset, kase, 1)).prediction).toBe('overturned');
    expect((await predictItem(ruleset, kase, 2)).prediction).toBe('overturned');
  });

  it('and not when the surgery is not', async () => {
    const ruleset = bundledRuleset();
    const kase = surgery(['sprain_strain']);
    expect((await predictItem(ruleset, kase, 1)).prediction).toBe('upheld');
    const cold = await predictItem(ruleset, kase, 2);
    expect(cold.prediction).toBe('upheld');
    expect(cold.decisive?.evaluation.compiled.rule.id).toBe('odg-continuous-flow-cryotherapy');
  });
});
