/**
 * Presumptions are declared policy: applied only when rules/shared/presumptions.yaml declares them,
 * shown wherever a prediction rests on one, and switched off by --strict.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { checkJson } from '../../src/report/check-report.js';
import { lint } from '../../src/lint/lint.js';
import { loadRuleset } from '../../src/ruleset/load-ruleset.js';
import { normaliseItem } from '../../src/request/normalise-case.js';
import { bundledRuleset, computeFact, mtus, rulesWith, tempFile } from '../helpers.js';

const shoulderMri: DisputedItem = { request: 'MRI of the right shoulder', body_region: ['shoulder'], side: 'right' };
/** Six weeks after the injury, on therapy and an NSAID with no word on how they went, a labral sign on examination. */
const kase: Case = {
  id: 'presumed', source: 'made up',
  dates: { injury: '2016-01-04', request: '2016-02-22' },
  conditions: ['shoulder_instability'],
  findings: ['shoulder_labral_signs', 'tenderness'],
  treatments: [{ treatment: 'physical_therapy', visits: 6 }, { treatment: 'naproxen', current: true }],
  items: [shoulderMri],
};

describe('presumptions', () => {
  it('care tried with symptoms persisting is presumed failed when the policy declares it, and not otherwise', () => {
    const call = { kase, items: [shoulderMri], date: '2016-02-22', params: { treatment: 'conservative_care' } };
    const policy = { presumptions: bundledRuleset().presumptions, strict: false };
    expect(computeFact('care_failed', { ...call, policy })).toBe(true);
    expect(computeFact('care_failed', { ...call, policy: { ...policy, strict: true } })).toBeUndefined();
    expect(computeFact('care_failed', call)).toBeUndefined();
  });

  it('is not applied when the records say how the care went, or when nothing was tried before the request', () => {
    const policy = { presumptions: bundledRuleset().presumptions, strict: false };
    const call = { items: [shoulderMri], date: '2016-02-22', params: { treatment: 'conservative_care' }, policy };
    expect(computeFact('care_failed', { ...call, kase: { ...kase, treatments: [{ treatment: 'physical_therapy', visits: 6, response: 'effective' }] } })).toBe(false);
    expect(computeFact('care_failed', { ...call, kase: { ...kase, functional_improvement: true } })).toBe(false);
    expect(computeFact('care_failed', { ...call, kase: { ...kase, treatments: [{ treatment: 'naproxen', start: '2016-02-22' }] } })).toBeUndefined();
    expect(computeFact('care_failed', { ...call, kase: { ...kase, pain_score: undefined, findings: [] } })).toBeUndefined();
  });

  it('a surgery not disputed in the case is presumed to go ahead; one disputed is judged; a stated authorization wins', () => {
    const policy = { presumptions: bundledRuleset().presumptions, strict: false };
    const postOp: DisputedItem = { request: 'Post-op Zofran 4mg #10', treatment: 'ondansetron', associated_surgery: 'shoulder_arthroscopy' };
    const call = { items: [postOp], date: '2016-11-10', policy };
    expect(computeFact('associated_surgery_necessary', call)).toBe(true);
    expect(computeFact('associated_surgery_necessary', { ...call, policy: { ...policy, strict: true } })).toBeUndefined();
    expect(computeFact('associated_surgery_necessary', { ...call, items: [{ ...postOp, associated_surgery_authorized: false }] })).toBe(false);
    const disputed = { request: 'Right shoulder arthroscopy', prediction: 'upheld' as const, necessary: false };
    expect(computeFact('associated_surgery_necessary', { ...call, surgery: disputed })).toBe(false);
  });

  it('a treatment-to-date list is read as closed for what it leaves out, and only then', () => {
    const policy = { presumptions: bundledRuleset().presumptions, strict: false };
    const pt: DisputedItem = { request: 'Physical therapy 2x3 lumbar', treatment: 'physical_therapy', visits: 6, weeks: 3 };
    const listed = (listed: string[], other?: string[]) => ({ treatment_to_date: { listed, ...(other ? { other } : {}) } });
    const call = { items: [pt], date: '2016-11-20', policy };
    expect(computeFact('first_course', { ...call, kase: listed(['naproxen', 'mri']) })).toBe(true);
    expect(computeFact('cumulative_visits', { ...call, kase: listed(['naproxen', 'mri']) })).toBe(6);
    expect(computeFact('tried', { ...call, kase: listed(['naproxen']), params: { treatment: 'acupuncture' } })).toBe(false);
    // Not without a list, not under --strict, not when the list names the family or only says "therapy".
    expect(computeFact('first_course', { ...call, kase: {} })).toBeUndefined();
    expect(computeFact('first_course', { ...call, kase: listed(['naproxen']), policy: { ...policy, strict: true } })).toBeUndefined();
    expect(computeFact('first_course', { ...call, kase: listed(['occupational_therapy']) })).toBeUndefined();
    expect(computeFact('first_course', { ...call, kase: listed([], ['therapy', 'medications']) })).toBeUndefined();
    expect(computeFact('tried', { ...call, kase: listed([], ['medications']), params: { treatment: 'naproxen' } })).toBeUndefined();
  });

  it('an "initial" or "trial" request with no sessions on record is a first course; "additional" is not, by its own words', () => {
    const policy = { presumptions: bundledRuleset().presumptions, strict: false };
    const catalog = bundledRuleset().catalog;
    const read = (request: string) => normaliseItem({ request }, catalog);
    const call = (request: string, p = policy) => ({ items: [read(request)], date: '2016-11-20', policy: p });
    expect(computeFact('first_course', call('Initial physical therapy 2x3 for the lumbar spine'))).toBe(true);
    expect(computeFact('cumulative_visits', call('Trial of chiropractic, 6 visits'))).toBe(6);
    expect(computeFact('first_course', call('Initial physical therapy 2x3 for the lumbar spine', { ...policy, strict: true }))).toBeUndefined();
    expect(computeFact('first_course', call('Physical therapy 2x3 for the lumbar spine'))).toBeUndefined();
    expect(computeFact('first_course', call('Additional physical therapy 2x3 for the lumbar spine'))).toBe(false);
    expect(computeFact('first_course', { ...call('Initial physical therapy 2x3'), kase: { treatments: [{ treatment: 'physical_therapy', visits: 6 }] } })).toBe(false);
  });

  it('a prediction that rests on a presumption says so, and --strict reproduces the strict reading', async () => {
    const rs = bundledRuleset();
    const presumed = checkJson(await evaluateCase(rs, kase)).items[0]!;
    expect(presumed.prediction).toBe('overturned');
    expect(presumed.presumptions.map((p) => p.id)).toEqual(['persisting-symptoms-after-tried-care']);
    expect(presumed.presumptions[0]!.citation).toMatch(/ACOEM/);
    expect(presumed.criteria.find((c) => c.id === 'conservative-care-failed')).toMatchObject({ status: 'met', presumed: ['persisting-symptoms-after-tried-care'] });

    const strict = checkJson(await evaluateCase(rs, kase, { strict: true })).items[0]!;
    expect(strict.prediction).toBe('upheld');
    expect(strict.presumptions).toEqual([]);
    expect(strict.criteria.find((c) => c.id === 'conservative-care-failed')?.status).toBe('unknown');
  });

  it('mtus check prints the presumption used, and --strict prints none', () => {
    const file = tempFile('presumed.yaml', JSON.stringify(kase));
    const shown = mtus(['check', file]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/Presumed \(persisting-symptoms-after-tried-care\):/);
    expect(shown.stdout).toMatch(/OVERTURNED/);
    const strict = mtus(['check', file, '--strict']);
    expect(strict.stdout).not.toMatch(/Presumed/);
    expect(strict.stdout).toMatch(/UPHELD/);
  });

  it('a ruleset whose policy file does not declare it reads silence literally', async () => {
    const dir = rulesWith({});
    rmSync(join(dir, 'shared', 'presumptions.yaml'));
    const rs = loadRuleset(dir);
    expect(rs.presumptions.size).toBe(0);
    expect(checkJson(await evaluateCase(rs, kase)).items[0]!.prediction).toBe('upheld');
  });

  it('lint rejects a presumption no fact implements, located at its id', async () => {
    const dir = rulesWith({});
    writeFileSync(join(dir, 'shared', 'presumptions.yaml'), [
      'presumptions:',
      '  - id: persisting-symptom-after-tried-care',
      '    statement: misspelt',
      '    source: { document: X, edition: "1", section: Y }',
      '',
    ].join('\n'));
    const { diagnostics } = await lint([dir]);
    // (Examples that rest on the declared presumption fail too: the policy file is part of the ruleset.)
    expect(diagnostics.filter((d) => d.file.endsWith('presumptions.yaml'))).toEqual([expect.objectContaining({ code: 'unknown-presumption', line: 2, column: 9, message: expect.stringMatching(/did you mean 'persisting-symptoms-after-tried-care'/) })]);
  });
});
