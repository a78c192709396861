import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/ruleset/load-ruleset.js';
import { recogniseRequest } from '../../src/request/recognise.js';
import { bundledRuleset, rulesWith } from '../helpers.js';

/** Rewrites one catalog file of a temporary copy of the bundled rules. */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, 'catalog', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('a new phrasing or a new treatment is a data change', () => {
  it('a synonym added to a catalog treatment is recognised, with no code change', () => {
    const line = 'Needle therapy 2x/week x 4 weeks, lumbar spine';
    expect(recogniseRequest(line, bundledRuleset().catalog).reading.recognised).toBe(false);
    const dir = rulesWith({});
    edit(dir, 'treatments-therapy.yaml', 'names: [acupuncture, ', 'names: [acupuncture, needle therapy, ');
    const r = recogniseRequest(line, loadRuleset(dir).catalog);
    expect(r.fields).toMatchObject({ treatment: 'acupuncture', visits: 8, weeks: 4, body_region: ['lumbar'] });
  });

  it('a new treatment, region word, specialty and modifier are read from their catalog files', () => {
    const dir = rulesWith({
      'catalog/treatments-zz-test.yaml': 'treatments:\n  - { id: laser_spine_procedure, kind: surgery, classes: [spine_surgery, surgery], names: [laser spine procedure] }\n',
    });
    edit(dir, 'request-places.yaml', 'names: [thigh, thighs, femur]', 'names: [thigh, thighs, femur, hamstring]');
    edit(dir, 'request-services.yaml', '  - { id: rheumatology,', '  - { id: bone_doctor, names: [bone doctor], services: { consultation: orthopedic_consultation } }\n  - { id: rheumatology,');
    edit(dir, 'request-grammar.yaml', '  - { id: urgent, names: [urgent, stat, expedited] }', '  - { id: urgent, names: [urgent, stat, expedited, rush] }');
    const catalog = loadRuleset(dir).catalog;
    expect(recogniseRequest('Rush laser spine procedure at L4-5', catalog).reading).toMatchObject({ treatment: 'laser_spine_procedure', modifiers: ['urgent'] });
    expect(recogniseRequest('Massage for the left hamstring', catalog).fields).toMatchObject({ treatment: 'massage', body_region: ['thigh'], side: 'left' });
    expect(recogniseRequest('Consult with a bone doctor', catalog).reading).toMatchObject({ treatment: 'orthopedic_consultation', specialty: 'bone_doctor' });
  });
});

describe('the request vocabulary is checked like every catalog file', () => {
  it('a treatment the vocabulary names must be in the catalog: a located diagnostic', async () => {
    const { loadRulesetCollecting } = await import('../../src/ruleset/load-ruleset.js');
    const dir = rulesWith({ 'catalog/request-zz-test.yaml': 'services:\n  - { id: review, names: [file review], treatment: no_such_treatment }\n' });
    const { diagnostics } = loadRulesetCollecting(dir);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: expect.stringContaining('request-zz-test.yaml'), line: 2, code: 'unknown-treatment', message: "'no_such_treatment' is not a catalog treatment or class" }));
  });

  it('an unknown key in a vocabulary file is reported with its line', async () => {
    const { loadRulesetCollecting } = await import('../../src/ruleset/load-ruleset.js');
    const dir = rulesWith({ 'catalog/request-zz-test.yaml': 'regions:\n  - { id: knee, names: [knee], colour: blue }\n' });
    const { diagnostics } = loadRulesetCollecting(dir);
    expect(diagnostics.some((d) => d.file.endsWith('request-zz-test.yaml') && d.line === 2)).toBe(true);
  });
});
