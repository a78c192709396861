import { describe, expect, it } from 'vitest';
import { parseCaseYaml } from '../../src/cases/load-case.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/yaml/yaml-document.js';
import { bundledRuleset } from '../helpers.js';

function problems(text: string): string[] {
  const r = parseCaseYaml(parseYaml('case.yaml', text), bundledRuleset().catalog);
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
}

const VALID = `id: c1
source: test
patient: { age: 40, sex: female }
conditions: [crps_1]
items:
  - request: Ketamine 5% cream
`;

describe('case files: schema errors located at file:line:column', () => {
  it('a valid case has no problems', () => {
    expect(problems(VALID)).toEqual([]);
  });

  it('a wrong type points at the value', () => {
    expect(problems(VALID.replace('age: 40', 'age: forty'))).toEqual([
      "case.yaml:3:17: invalid-type: 'age' must be a number, found \"forty\"",
    ]);
  });

  it('an unknown key points at the key', () => {
    expect(problems(`${VALID}    quantitty: 60\n`)).toEqual(["case.yaml:7:5: unknown-key: unknown key 'quantitty' in items.0 (did you mean 'quantity'?)"]);
  });

  it('a missing required key points at the mapping that lacks it', () => {
    expect(problems('id: c1\nitems:\n  - request: x\n')).toEqual(["case.yaml:1:1: missing-key: 'source' is required"]);
  });

  it('a bad date and an unknown condition tag with a suggestion', () => {
    const out = problems(VALID.replace('source: test', 'source: test\ndates: { injury: 2014-13-45 }').replace('[crps_1]', '[crps1]'));
    expect(out).toEqual(["case.yaml:3:18: invalid-format: 'injury' must be a date YYYY-MM-DD, found \"2014-13-45\""]);
    expect(problems(VALID.replace('[crps_1]', '[crps1]'))).toEqual([
      "case.yaml:4:14: unknown-condition: 'crps1' is not a catalog condition tag (did you mean 'crps_1'?)",
    ]);
  });

  it('YAML syntax errors are located too', () => {
    const out = problems('id: c1\nsource: [unclosed\nitems: []\n');
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^case\.yaml:\d+:\d+: yaml-syntax: /);
  });
});
