/** Every no_rule carries its reason, in mtus check, mtus regress and mtus import. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mtus, tempFile } from '../helpers.js';

const CASE = `id: no-rule-reasons
source: test
dates: { injury: "2015-03-01", request: "2016-12-01" }
items:
  - request: "Widgetronic frobulator, one"
    actual: { outcome: upheld }
  - request: "Viagra 50mg #10"
    actual: { outcome: upheld }
`;

describe('no-rule reasons in the reports', () => {
  it('mtus check names the reason: text, --json (no_rule or null) and markdown', () => {
    const file = tempFile('case.yaml', CASE);
    const text = mtus(['check', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('No rule: unrecognised_request (Widgetronic frobulator, one)');
    expect(text.stdout).toContain('No rule: no_rule_for_treatment (sildenafil)');
    const json = JSON.parse(mtus(['check', file, '--json']).stdout);
    expect(json.items.map((i: { no_rule: unknown }) => i.no_rule)).toEqual([
      { reason: 'unrecognised_request', detail: 'Widgetronic frobulator, one' },
      { reason: 'no_rule_for_treatment', detail: 'sildenafil' },
    ]);
    const ruled = JSON.parse(mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--json']).stdout);
    expect(ruled.items.every((i: { no_rule: unknown }) => i.no_rule === null)).toBe(true);
    expect(mtus(['check', file, '--markdown']).stdout).toContain('**No rule:** unrecognised_request — Widgetronic frobulator, one');
  });

  it('mtus regress counts the reasons and lists the requests it could not read', () => {
    const file = tempFile('case.yaml', CASE);
    const r = JSON.parse(mtus(['regress', file, '--json', '--no-save']).stdout);
    expect(r.no_rule_reasons).toEqual({ unrecognised_request: 1, no_rule_for_treatment: 1 });
    expect(r.unrecognised_requests).toEqual(['Widgetronic frobulator, one']);
    expect(r.predictions.map((p: { no_rule: { reason: string } | null }) => p.no_rule?.reason)).toEqual(['unrecognised_request', 'no_rule_for_treatment']);
    const text = mtus(['regress', file, '--no-save']).stdout;
    expect(text).toContain('No rule: unrecognised_request 1, no_rule_for_treatment 1');
    expect(text).toContain('unrecognised request: "Widgetronic frobulator, one"');
  });

  it('mtus import lists the request lines it could not read, per letter', () => {
    const letter = readFileSync('test/fixtures/letters/CM16-0213037.txt', 'utf8').replace('MRI of the right shoulder without contrast: Upheld', 'Widgetronic frobulator: Upheld');
    const file = tempFile('CM16-0213037.txt', letter);
    const json = JSON.parse(mtus(['import', file, '--json']).stdout);
    expect(json[0].unrecognised).toEqual(['Widgetronic frobulator']);
    expect(mtus(['import', file]).stdout).toMatch(/^# unrecognised request: "Widgetronic frobulator"$/m);
    const known = JSON.parse(mtus(['import', 'test/fixtures/letters/CM16-0213037.txt', '--json']).stdout);
    expect(known[0].unrecognised).toEqual([]);
  });
});
