/**
 * Phase of care: the Chronic Pain guidelines apply to pain persisting beyond the anticipated time of
 * healing; the ACOEM chapters are written for acute and subacute complaints. Each document's scope is
 * data (rules/documents.yaml), and the explanation names what was set aside and why.
 */
import { describe, expect, it } from 'vitest';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { checkJson } from '../../src/report/check-report.js';
import { bundledRuleset, mtus, tempFile } from '../helpers.js';

const emg: DisputedItem = { request: 'EMG/NCV of the right upper extremity', body_region: ['upper_extremity'], side: 'right' };
const base = {
  id: 'phase', source: 'made up',
  conditions: ['sprain_strain'], findings: ['tenderness'],
  treatments: [{ treatment: 'physical_therapy', visits: 6 }],
} satisfies Partial<Case>;

async function judged(kase: Case) {
  const result = await evaluateCase(bundledRuleset(), kase);
  return { json: checkJson(result).items[0]!, prediction: result.items[0]!.prediction };
}

describe('phase of care', () => {
  it('six weeks after the injury the Chronic Pain guidelines yield to the ACOEM chapter that covers the request', async () => {
    const { json, prediction } = await judged({ ...base, dates: { injury: '2016-10-03', request: '2016-11-14' }, items: [emg] });
    const judgedBy = prediction.evaluations.map((e) => e.evaluation.compiled.rule.id);
    expect(judgedBy).toContain('acoem-upper-extremity-emg-ncs');
    expect(judgedBy).not.toContain('cpmtg-electrodiagnostic-testing');
    expect(json.phase_of_care?.set_aside.map((n) => n.rule)).toContain('cpmtg-electrodiagnostic-testing');
    expect(json.phase_of_care?.weeks).toBe(6);
  });

  it('a year after the injury the Chronic Pain guidelines govern where they speak, and the ACOEM chapter yields', async () => {
    const { prediction, json } = await judged({ ...base, dates: { injury: '2015-10-03', request: '2016-11-14' }, items: [emg] });
    const judgedBy = prediction.evaluations.map((e) => e.evaluation.compiled.rule.id);
    expect(judgedBy).toContain('cpmtg-electrodiagnostic-testing');
    expect(json.phase_of_care?.set_aside.map((n) => n.rule)).toContain('acoem-upper-extremity-emg-ncs');
  });

  it('an ACOEM chapter still judges a chronic request when no MTUS guideline for chronic pain covers it (ODG does not displace it)', async () => {
    const mri: DisputedItem = { request: 'MRI of the cervical spine', body_region: ['cervical'] };
    const { prediction } = await judged({ ...base, dates: { injury: '2014-01-06', request: '2016-11-14' }, items: [mri] });
    const judgedBy = prediction.evaluations.map((e) => e.evaluation.compiled.rule.id);
    expect(judgedBy).toContain('acoem-neck-imaging');
    expect(prediction.phase.outOfPhase.map((n) => n.rule)).toContain('acoem-neck-imaging');
  });

  it('with nothing written for acute care, the Chronic Pain guidelines still judge, and the report says so', async () => {
    const pt: DisputedItem = { request: 'Physical therapy 2 times a week for 3 weeks for the low back', body_region: ['lumbar'] };
    const kase: Case = { ...base, dates: { injury: '2016-10-03', request: '2016-11-14' }, items: [pt] };
    const { json } = await judged(kase);
    expect(json.rule).toBe('cpmtg-physical-medicine');
    expect(json.phase_of_care?.out_of_phase.map((n) => n.rule)).toEqual(['cpmtg-physical-medicine']);
    const text = mtus(['check', tempFile('pt.yaml', JSON.stringify(kase))]).stdout;
    expect(text).toMatch(/Phase of care: 6 weeks after the injury; cpmtg-physical-medicine judged it although MTUS Chronic Pain Medical Treatment Guidelines is written for chronic pain/);
  });

  it('without an injury date no phase is assumed', async () => {
    const { json } = await judged({ ...base, items: [emg] });
    expect(json.phase_of_care).toBeNull();
  });
});
