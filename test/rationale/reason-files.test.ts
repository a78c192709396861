/** The reasons files validate against the JSON Schemas editors use, and a broken one is a located error when loaded. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { reasonData } from '../../src/rationale/reason-data.js';
import { jsonSchema } from '../../src/schema/json-schema.js';
import { RULES_DIR, rulesWith } from '../helpers.js';

const ajv = new Ajv({ strict: false, allErrors: true });

describe('rules/reasons/', () => {
  it.each([
    ['reason-codes.yaml', 'reason-codes'],
    ['rationale-phrases.yaml', 'rationale-phrases'],
  ] as const)('%s validates against its JSON Schema', (file, kind) => {
    const validate = ajv.compile(jsonSchema(kind));
    expect(validate(parse(readFileSync(join(RULES_DIR, 'reasons', file), 'utf8'))), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('defines each code in one sentence', () => {
    for (const c of reasonData().codes.codes) expect(c.definition, c.id).toMatch(/^[A-Z][^.]*(\.[^.]+)*\.$/);
    expect(reasonData().known.size).toBeLessThanOrEqual(15);
  });

  it('a code listed twice is a located error when the data is read', () => {
    const text = readFileSync(join(RULES_DIR, 'reasons', 'reason-codes.yaml'), 'utf8').replace('  - id: no_red_flags\n', '  - id: no_red_flags\n    definition: Twice.\n  - id: no_red_flags\n');
    const dir = rulesWith({ 'reasons/reason-codes.yaml': text });
    let error: unknown;
    try {
      reasonData(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const d = (error as InputError).diagnostics[0]!;
    expect(d.file).toMatch(/reasons\/reason-codes\.yaml$/);
    expect(d.message).toMatch(/'no_red_flags' is listed twice/);
    expect(d.line).toBe(text.split('\n').findIndex((l) => l === '  - id: no_red_flags') + 3);
  });
});
