/**
 * JSON Schema (draft-07) for every file format, generated from the zod schemas, so YAML editors
 * validate and complete rule, case and catalog files (`# yaml-language-server: $schema=...`).
 * Given a catalog, fields drawn from an open vocabulary list its values (facts, operators,
 * treatments, classes, condition and finding tags, each fact's parameters), so editors complete
 * them and flag a misspelling; `mtus schema --write` regenerates the committed files.
 */
import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import { OPERATORS } from '../facts/fact-types.js';
import { FACTS } from '../facts/registry.js';
import { RequestVocabularyFile, TermCatalogFile, TreatmentCatalogFile } from '../model/catalog-schema.js';
import { Case } from '../model/case-schema.js';
import { PresumptionsFile } from '../model/presumption-schema.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { VOCABULARY_KEY, type VocabularyKind } from '../model/vocabulary.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import { DrugListFile, FormularyPoliciesFile } from '../formulary/schema.js';
import { RationalePhrasesFile, ReasonCodesFile } from '../rationale/reason-schema.js';

export const SCHEMAS = {
  rules: { file: 'rule.schema.json', schema: Rule, title: 'mtus-rules rule file' },
  cases: { file: 'case.schema.json', schema: Case, title: 'mtus-rules case file' },
  treatments: { file: 'treatments.schema.json', schema: TreatmentCatalogFile, title: 'mtus-rules treatment catalog' },
  terms: { file: 'terms.schema.json', schema: TermCatalogFile, title: 'mtus-rules condition and finding tags' },
  request: { file: 'request.schema.json', schema: RequestVocabularyFile, title: 'mtus-rules request vocabulary' },
  shared: { file: 'shared.schema.json', schema: SharedCriteriaFile, title: 'mtus-rules shared criteria' },
  presumptions: { file: 'presumptions.schema.json', schema: PresumptionsFile, title: 'mtus-rules presumptions: how silence is read' },
  documents: { file: 'documents.schema.json', schema: DocumentRegistryFile, title: 'mtus-rules guideline document registry' },
  'drug-list': { file: 'drug-list.schema.json', schema: DrugListFile, title: 'mtus-rules MTUS Drug List' },
  'formulary-policies': { file: 'formulary-policies.schema.json', schema: FormularyPoliciesFile, title: 'mtus-rules MTUS Drug Formulary policies' },
  'reason-codes': { file: 'reason-codes.schema.json', schema: ReasonCodesFile, title: 'mtus-rules reason codes' },
  'rationale-phrases': { file: 'rationale-phrases.schema.json', schema: RationalePhrasesFile, title: 'mtus-rules rationale phrases' },
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

type Json = Record<string, unknown>;

/** Where the vocabulary lists live, beside the other schema files, so a catalog change touches one file. */
export const VOCABULARY_FILE = 'vocabulary.schema.json';

/** The schema of a file format; with a catalog, vocabulary fields refer to the lists in VOCABULARY_FILE. */
export function jsonSchema(kind: SchemaKind, catalog?: Catalog): Json {
  const { schema, title } = SCHEMAS[kind];
  const out = { ...z.toJSONSchema(schema as z.ZodType, { target: 'draft-07' }), title } as Json;
  return withVocabulary(out, catalog !== undefined);
}

export function jsonSchemaText(kind: SchemaKind, catalog?: Catalog): string {
  return `${JSON.stringify(jsonSchema(kind, catalog), null, 2)}\n`;
}

/** VOCABULARY_FILE: the values of each open vocabulary, and each fact's catalog parameters. */
export function vocabularySchema(catalog: Catalog): Json {
  const lists = vocabularies(catalog);
  const definitions: Json = {};
  for (const [kind, values] of Object.entries(lists)) definitions[kind] = { type: 'string', enum: values };
  definitions.criterion = { allOf: paramRules() };
  return { $schema: 'http://json-schema.org/draft-07/schema#', title: 'mtus-rules vocabulary (from the catalog, `mtus schema --write`)', definitions };
}

export function vocabularySchemaText(catalog: Catalog): string {
  return `${JSON.stringify(vocabularySchema(catalog), null, 2)}\n`;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The values of each vocabulary, sorted so the generated files are stable. */
function vocabularies(catalog: Catalog): Record<Exclude<VocabularyKind, 'criterion'>, string[]> {
  return {
    treatment: sorted(catalog.treatmentIds()),
    'treatment-or-class': sorted([...catalog.treatmentIds(), ...catalog.classIdList()]),
    class: sorted(catalog.classIdList()),
    condition: sorted(catalog.termIds('condition')),
    finding: sorted(catalog.termIds('finding')),
    fact: sorted(FACTS.keys()),
    operator: [...OPERATORS],
  };
}

const ref = (kind: string) => ({ $ref: `${VOCABULARY_FILE}#/definitions/${kind}` });

/**
 * Replaces each vocabulary marker by a reference to its list (kept beside the field's own type and
 * description: draft-07 ignores keywords next to a bare $ref), or drops the markers.
 */
function withVocabulary(schema: Json, linked: boolean): Json {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const o = node as Json;
    const kind = o[VOCABULARY_KEY] as VocabularyKind | undefined;
    if (kind !== undefined) {
      delete o[VOCABULARY_KEY];
      if (linked) o.allOf = [ref(kind)];
    }
    Object.values(o).forEach(visit);
  };
  visit(schema);
  return schema;
}

/** For each fact with catalog parameters: when the criterion names that fact, its parameters' values. */
function paramRules(): Json[] {
  const listOf: Record<string, string> = { treatment: 'treatment-or-class', procedure: 'treatment-or-class', study: 'treatment-or-class', condition: 'condition', finding: 'finding' };
  const rules: Json[] = [];
  for (const def of [...FACTS.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const properties: Json = {};
    for (const [param, kind] of Object.entries(def.params ?? {})) if (listOf[kind]) properties[param] = ref(listOf[kind]);
    if (Object.keys(properties).length === 0) continue;
    rules.push({ if: { properties: { fact: { const: def.name } }, required: ['fact'] }, then: { properties: { params: { properties } } } });
  }
  return rules;
}
