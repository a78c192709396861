import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemaText, SCHEMAS, type SchemaKind } from '../../src/schema/json-schema.js';
import { listFiles, isYaml } from '../../src/ruleset/files.js';
import { mtus, ROOT, RULES_DIR } from '../helpers.js';

const ajv = new Ajv({ strict: false, allErrors: true });

describe('JSON Schema for editors', () => {
  it.each(Object.keys(SCHEMAS))('%s: valid draft-07 that compiles', (kind) => {
    const schema = jsonSchema(kind as SchemaKind);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('the committed schema files are current (regenerate with mtus schema --out rules/schema)', () => {
    for (const [kind, { file }] of Object.entries(SCHEMAS)) {
      expect(readFileSync(join(RULES_DIR, 'schema', file), 'utf8'), file).toBe(jsonSchemaText(kind as SchemaKind));
    }
  });

  it('every bundled rule file validates, and a typo in a key is flagged at that key', () => {
    const validate = ajv.compile(jsonSchema('rules'));
    const ruleFiles = listFiles(RULES_DIR, isYaml).filter((f) => !/\/(catalog|shared|formulary|reasons)\//.test(f) && !/\/documents\.yaml$/.test(f));
    for (const f of ruleFiles) expect(validate(parse(readFileSync(f, 'utf8'))), `${f}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const rule = parse(readFileSync(ruleFiles[0]!, 'utf8'));
    rule.titel = rule.title;
    delete rule.title;
    expect(validate(rule)).toBe(false);
    const flagged = validate.errors!.map((e: { params: Record<string, unknown> }) => ('additionalProperty' in e.params ? e.params.additionalProperty : e.params.missingProperty));
    expect(flagged).toContain('titel');
  });

  it('every bundled case validates against the case schema', () => {
    const validate = ajv.compile(jsonSchema('cases'));
    for (const f of listFiles(join(ROOT, 'cases'), isYaml)) expect(validate(parse(readFileSync(f, 'utf8'))), f).toBe(true);
  });

  it('the repository files name their schema in a yaml-language-server modeline', () => {
    const files = [...listFiles(RULES_DIR, isYaml), ...listFiles(join(ROOT, 'cases'), isYaml)];
    const broken = files.filter((f) => {
      const m = /^# yaml-language-server: \$schema=(\S+\.schema\.json)/m.exec(readFileSync(f, 'utf8'));
      return !m || !existsSync(join(dirname(f), m[1]!));
    });
    expect(broken).toEqual([]);
  });

  it('mtus schema rules prints the rule schema', () => {
    const r = mtus(['schema', 'rules']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).title).toBe('mtus-rules rule file');
    expect(readdirSync(join(RULES_DIR, 'schema')).sort()).toEqual(Object.values(SCHEMAS).map((s) => s.file).sort());
  });
});
