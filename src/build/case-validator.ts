/**
 * Generates, at build time, a standalone validator for the case format: the JSON Schema that zod
 * emits for `Case`, compiled by ajv into one plain function (dist/model/case-validator.cjs). It
 * answers only "is this a valid case?", fast and without loading zod; a case it rejects is then
 * validated by zod, which locates every problem. It must therefore accept exactly what zod
 * accepts (a test compares the two on many valid and broken cases), so a schema that says
 * something JSON Schema cannot (a refinement, a transform, a default) gets no generated
 * validator at all, and every case goes through zod.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Case } from '../model/case-schema.js';

/**
 * Where a value's keys go: zod returns objects with their keys in the schema's order, so a case
 * accepted by the quick check is rebuilt in that order too ({ keys } for an object, { items } for
 * an array, null for a value kept as it is).
 */
export type KeyOrder = { keys: [string, KeyOrder][] } | { items: KeyOrder } | null;

type Schema = Record<string, unknown>;

function keyOrder(schema: Schema, root: Schema, depth = 0): KeyOrder | 'inexact' {
  if (depth > 50) return 'inexact';
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    const target = name === undefined ? undefined : (root.definitions as Record<string, Schema> | undefined)?.[name];
    return target ? keyOrder(target, root, depth + 1) : 'inexact';
  }
  // A described or annotated reference is written as an allOf: the parts must agree on one shape.
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    const parts = [rest, ...(allOf as Schema[])].map((part) => keyOrder(part, root, depth + 1));
    if (parts.includes('inexact')) return 'inexact';
    const shaped = parts.filter((p) => p !== null);
    return shaped.length === 0 ? null : shaped.length === 1 ? shaped[0]! : 'inexact';
  }
  // A union whose every branch is kept as it is (string or number) is kept as it is too; a union of
  // shapes would need to know which branch zod took, so it is left to zod.
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) {
    const { anyOf: _a, oneOf: _o, ...rest } = schema;
    const orders = [rest, ...branches].map((part) => keyOrder(part, root, depth + 1));
    return orders.every((o) => o === null) ? null : 'inexact';
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return 'inexact';
  if (schema.type === 'object') {
    const keys: [string, KeyOrder][] = [];
    for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      const child = keyOrder(v, root, depth + 1);
      if (child === 'inexact') return 'inexact';
      keys.push([k, child]);
    }
    return { keys };
  }
  if (schema.type === 'array') {
    const items = keyOrder((schema.items ?? {}) as Schema, root, depth + 1);
    return items === 'inexact' ? 'inexact' : { items };
  }
  return null;
}

/** Zod schema kinds whose meaning JSON Schema cannot carry exactly. */
const INEXACT_TYPES = new Set(['transform', 'pipe', 'default', 'prefault', 'catch', 'custom', 'promise', 'lazy', 'nan', 'success']);

/** The JSON Schema of the case format, or why it cannot stand for zod's. */
export function caseJsonSchema(): { schema: Record<string, unknown> } | { inexact: string } {
  const problems: string[] = [];
  const schema = z.toJSONSchema(Case, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
    // Parts used more than once become definitions, each its own function in the validator: a case
    // compiles only the parts it uses, once each.
    reused: 'ref',
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; checks?: { _zod: { def: { check: string } } }[] } } })._zod.def;
      if (INEXACT_TYPES.has(def.type)) problems.push(def.type);
      for (const c of def.checks ?? []) if (c._zod.def.check === 'custom') problems.push('refinement');
    },
  }) as Record<string, unknown>;
  return problems.length > 0 ? { inexact: [...new Set(problems)].join(', ') } : { schema };
}

export async function writeCaseValidator(outDir: string): Promise<string | undefined> {
  const out = join(outDir, 'case-validator.cjs');
  rmSync(out, { force: true });
  const json = caseJsonSchema();
  if ('inexact' in json) return `the case schema has what JSON Schema cannot express (${json.inexact}): cases are validated by zod alone`;
  const order = keyOrder(json.schema, json.schema);
  if (order === 'inexact') return 'the case schema has unions or open maps, whose key order the quick check cannot rebuild: cases are validated by zod alone';
  // Formats are not checked by name: zod writes each one out as a pattern too. Patterns are read
  // as JavaScript reads zod's regular expressions (no unicode flag).
  const ajv = new Ajv({ code: { source: true, optimize: true }, strict: true, allErrors: false, validateFormats: false, unicodeRegExp: false, inlineRefs: false });
  // Annotations for editors (which vocabulary a name comes from), not checks.
  for (const key of annotationKeys(json.schema)) ajv.addKeyword({ keyword: key, schemaType: ['string', 'number', 'boolean', 'object', 'array'] });
  const validate = ajv.compile(json.schema);
  await build({
    stdin: { contents: `${standalone.default(ajv, validate)}\nmodule.exports.keyOrder = ${JSON.stringify(order)};\n`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: out,
    // generated code, never read or debugged: smaller is quicker to load
    minify: true,
    logLevel: 'warning',
  });
  return undefined;
}

/** The `x-` annotation keys a schema uses anywhere. */
function annotationKeys(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) annotationKeys(s, found);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k.startsWith('x-')) found.add(k);
      annotationKeys(v, found);
    }
  }
  return found;
}
