import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchema, jsonSchemaText, SCHEMAS, VOCABULARY_FILE, vocabularySchema, vocabularySchemaText, type SchemaKind } from '../../src/schema/json-schema.js';
import { listFiles, isYaml } from '../../src/ruleset/files.js';
import { bundledRuleset, mtus, ROOT, RULES_DIR, rulesWith } from '../helpers.js';

const catalog = () => bundledRuleset().catalog;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(vocabularySchema(catalog()), VOCABULARY_FILE);
const schemaOf = (kind: SchemaKind) => jsonSchema(kind, catalog());

describe('JSON Schema for editors', () => {
  it.each(Object.keys(SCHEMAS))('%s: valid draft-07 that compiles', (kind) => {
    const schema = schemaOf(kind as SchemaKind);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('the committed schema files are current (regenerate with `npx mtus schema --write`)', () => {
    for (const [kind, { file }] of Object.entries(SCHEMAS)) {
      expect(readFileSync(join(RULES_DIR, 'schema', file), 'utf8'), `${file}: run npx mtus schema --write`).toBe(jsonSchemaText(kind as SchemaKind, catalog()));
    }
    expect(readFileSync(join(RULES_DIR, 'schema', VOCABULARY_FILE), 'utf8'), `${VOCABULARY_FILE}: run npx mtus schema --write`).toBe(vocabularySchemaText(catalog()));
  });

  it("lists the catalog's vocabulary, so editors complete it and flag what is not in it", () => {
    const defs = vocabularySchema(catalog()).definitions as Record<string, { enum?: string[]; allOf?: unknown[] }>;
    expect(defs.fact!.enum).toContain('weeks_since_injury');
    expect(defs.operator!.enum).toEqual(expect.arrayContaining(['equal', 'lessThanInclusive', 'intersects']));
    expect(defs.condition!.enum).toContain('fibromyalgia');
    expect(defs.finding!.enum).toContain('red_flags');
    expect(defs.treatment!.enum).toContain('cyclobenzaprine');
    expect(defs['treatment-or-class']!.enum).toContain('muscle_relaxant');
    const kase = ajv.compile(schemaOf('cases'));
    const base = { id: 'x', source: 'y', items: [{ request: 'Flexeril 7.5 mg #90', treatment: 'cyclobenzaprine' }] };
    expect(kase({ ...base, conditions: ['fibromyalgia'] })).toBe(true);
    expect(kase({ ...base, conditions: ['fibromyalgiaa'] })).toBe(false);
    expect(kase({ ...base, items: [{ request: 'x', treatment: 'flexeril' }] })).toBe(false);
    const rule = ajv.compile(schemaOf('rules'));
    const good = parse(readFileSync(join(RULES_DIR, 'mtus-chronic-pain', 'muscle-relaxants', 'cpmtg-baclofen.yaml'), 'utf8'));
    expect(rule(good)).toBe(true);
    const badOperator = structuredClone(good);
    badOperator.criteria.any[0].operator = 'biggerThan';
    expect(rule(badOperator)).toBe(false);
    const badTag = structuredClone(good);
    badTag.criteria.any[0].params.tag = 'multiple_sclerosiss';
    expect(rule(badTag)).toBe(false);
    const badFact = structuredClone(good);
    badFact.criteria.any[0].fact = 'conditions';
    expect(rule(badFact)).toBe(false);
  });

  it('mtus schema --write regenerates the schema folder of the ruleset given', () => {
    const dir = rulesWith({});
    rmSync(join(dir, 'schema'), { recursive: true });
    const r = mtus(['schema', '--write', '--rules', dir]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'schema')).sort()).toEqual(readdirSync(join(RULES_DIR, 'schema')).sort());
    expect(readFileSync(join(dir, 'schema', VOCABULARY_FILE), 'utf8')).toBe(readFileSync(join(RULES_DIR, 'schema', VOCABULARY_FILE), 'utf8'));
  });

  it('every bundled rule file validates, and a typo in a key is flagged at that key', () => {
    const validate = ajv.compile(schemaOf('rules'));
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
    const validate = ajv.compile(schemaOf('cases'));
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
    expect(readdirSync(join(RULES_DIR, 'schema')).sort()).toEqual([...Object.values(SCHEMAS).map((s) => s.file), VOCABULARY_FILE].sort());
  });
});
