/**
 * JSON Schema (draft-07) for every file format, generated from the zod schemas, so YAML editors
 * validate and complete rule, case and catalog files (`# yaml-language-server: $schema=...`).
 */
import { z } from 'zod';
import { TermCatalogFile, TreatmentCatalogFile } from '../model/catalog-schema.js';
import { Case } from '../model/case-schema.js';
import { PresumptionsFile } from '../model/presumption-schema.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import { DrugListFile, FormularyPoliciesFile } from '../formulary/schema.js';
import { RationalePhrasesFile, ReasonCodesFile } from '../rationale/reason-schema.js';

export const SCHEMAS = {
  rules: { file: 'rule.schema.json', schema: Rule, title: 'mtus-rules rule file' },
  cases: { file: 'case.schema.json', schema: Case, title: 'mtus-rules case file' },
  treatments: { file: 'treatments.schema.json', schema: TreatmentCatalogFile, title: 'mtus-rules treatment catalog' },
  terms: { file: 'terms.schema.json', schema: TermCatalogFile, title: 'mtus-rules condition and finding tags' },
  shared: { file: 'shared.schema.json', schema: SharedCriteriaFile, title: 'mtus-rules shared criteria' },
  presumptions: { file: 'presumptions.schema.json', schema: PresumptionsFile, title: 'mtus-rules presumptions: how silence is read' },
  documents: { file: 'documents.schema.json', schema: DocumentRegistryFile, title: 'mtus-rules guideline document registry' },
  'drug-list': { file: 'drug-list.schema.json', schema: DrugListFile, title: 'mtus-rules MTUS Drug List' },
  'formulary-policies': { file: 'formulary-policies.schema.json', schema: FormularyPoliciesFile, title: 'mtus-rules MTUS Drug Formulary policies' },
  'reason-codes': { file: 'reason-codes.schema.json', schema: ReasonCodesFile, title: 'mtus-rules reason codes' },
  'rationale-phrases': { file: 'rationale-phrases.schema.json', schema: RationalePhrasesFile, title: 'mtus-rules rationale phrases' },
} as const;

export type SchemaKind = keyof typeof SCHEMAS;

export function jsonSchema(kind: SchemaKind): Record<string, unknown> {
  const { schema, title } = SCHEMAS[kind];
  return { ...z.toJSONSchema(schema as z.ZodType, { target: 'draft-07' }), title };
}

export function jsonSchemaText(kind: SchemaKind): string {
  return `${JSON.stringify(jsonSchema(kind), null, 2)}\n`;
}
