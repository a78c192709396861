/**
 * Validates a parsed YAML file against a zod schema and maps every zod issue back to the line and
 * column of the YAML node it concerns, as one located diagnostic per problem.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import { positionOf, type PathSegment, type YamlFile } from './yaml-document.js';

type Issue = z.core.$ZodIssue;

export type Validated<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] };

export function validateYaml<T>(schema: z.ZodType<T>, y: YamlFile): Validated<T> {
  if (y.syntaxErrors.length > 0) return { ok: false, diagnostics: y.syntaxErrors };
  const result = schema.safeParse(y.value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, diagnostics: issuesToDiagnostics(result.error.issues, y, [], schema) };
}

export function issuesToDiagnostics(issues: readonly Issue[], y: YamlFile, base: PathSegment[] = [], schema?: z.ZodType): Diagnostic[] {
  return issuesToProblems(issues, base, schema).map((p) => ({ file: y.file, ...positionOf(y, p.path, { key: p.key }), code: p.code, message: p.message }));
}

/** A schema problem at a data path; `key` when it should be shown at the key rather than its value. */
export interface SchemaProblem {
  path: PathSegment[];
  key: boolean;
  code: string;
  message: string;
}

/**
 * Every zod issue as a problem in our words, once each (a misspelt key is one problem, not two).
 * Given the schema, an unknown key is matched against every key its object takes, optional ones too.
 */
export function issuesToProblems(issues: readonly Issue[], base: PathSegment[] = [], schema?: z.ZodType): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  // A misspelt key shows up twice in zod: as an unknown key and as a missing one. Report it once,
  // at the key, with the likely intended name.
  const missingByParent = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.code === 'invalid_type' && issue.input === undefined && issue.path.length > 0) {
      const parent = JSON.stringify([...base, ...issue.path.slice(0, -1)]);
      missingByParent.set(parent, [...(missingByParent.get(parent) ?? []), String(issue.path[issue.path.length - 1])]);
    }
  }
  const explained = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = JSON.stringify([...base, ...issue.path]);
    for (const key of issue.keys) {
      const meant = closestName(key, missingByParent.get(parent) ?? []);
      if (meant) explained.add(`${parent}|${meant}`);
    }
  }
  for (const issue of issues) {
    const path = [...base, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the alternative the author most plausibly meant, not every branch of the union.
      const branch = closestBranch(issue.errors);
      out.push(...issuesToProblems(issue.errors[branch]!, path, optionsAt(schema, issue.path as PathSegment[])?.[branch]));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const parent = JSON.stringify(path);
      const known = keysAt(schema, issue.path as PathSegment[]) ?? [];
      for (const key of issue.keys) {
        const meant = closestName(key, missingByParent.get(parent) ?? []) ?? closestName(key, known.filter((k) => !issue.keys.includes(k)));
        const hint = meant ? ` (did you mean '${meant}'?)` : '';
        out.push({ path: [...path, key], key: true, code: 'unknown-key', message: `unknown key '${key}'${where(path)}${hint}` });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    if (missing && explained.has(`${JSON.stringify(path.slice(0, -1))}|${String(path[path.length - 1])}`)) continue;
    out.push({ path: missing ? path.slice(0, -1) : path, key: false, code: codeOf(issue, missing), message: messageOf(issue, path, missing) });
  }
  return out;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; getter?: () => z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema at a data path, through objects, arrays, records and wrappers (not through unions). */
function schemaAt(schema: z.ZodType | undefined, path: readonly PathSegment[]): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; s !== undefined; ) {
    const d = defOf(s);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe') s = d.in;
    else if (d.type === 'lazy') s = d.getter?.();
    else if (i === path.length) return s;
    else if (d.type === 'object') s = d.shape?.[String(path[i++])];
    else if (d.type === 'array') (s = d.element), i++;
    else if (d.type === 'record') (s = d.valueType), i++;
    else return undefined;
  }
  return undefined;
}

function keysAt(schema: z.ZodType | undefined, path: readonly PathSegment[]): string[] | undefined {
  const s = schemaAt(schema, path);
  const d = s && defOf(s);
  return d?.type === 'object' && d.shape ? Object.keys(d.shape) : undefined;
}

function optionsAt(schema: z.ZodType | undefined, path: readonly PathSegment[]): z.ZodType[] | undefined {
  const s = schemaAt(schema, path);
  const d = s && defOf(s);
  return d?.type === 'union' ? d.options : undefined;
}

/**
 * The union branch the author most plausibly meant: the one whose own keys fit the node best
 * (problems at the node itself weigh far more than problems deeper inside), then the fewest
 * problems. So a misspelt key deep in an `any:` group is reported inside that group, with every
 * other problem there, rather than as "unknown key 'any'" against some other branch.
 */
function closestBranch(branches: Issue[][]): number {
  const atNode = (i: Issue) =>
    (i.code === 'unrecognized_keys' && i.path.length === 0) ||
    (i.code === 'invalid_type' && (i.path.length === 0 || (i.input === undefined && i.path.length === 1)));
  const weight = (i: Issue) => (i.code === 'unrecognized_keys' ? i.keys.length : 1) * (atNode(i) ? 1000 : 1);
  const score = (issues: Issue[]) => issues.reduce((n, i) => n + weight(i), 0);
  let best = 0;
  branches.forEach((b, i) => {
    if (score(b) < score(branches[best]!)) best = i;
  });
  return best;
}

function codeOf(issue: Issue, missing: boolean): string {
  if (missing) return 'missing-key';
  switch (issue.code) {
    case 'invalid_type': return 'invalid-type';
    case 'invalid_value': return 'invalid-value';
    case 'invalid_format': return 'invalid-format';
    case 'too_small': return 'too-small';
    case 'too_big': return 'too-big';
    default: return 'invalid-value';
  }
}

function messageOf(issue: Issue, path: PathSegment[], missing: boolean): string {
  const name = path.length > 0 ? `'${path[path.length - 1]}'` : 'the document';
  if (missing) return `${name} is required${where(path.slice(0, -1))}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${name} must be ${article(issue.expected)}, found ${describe(issue.input)}`;
    case 'invalid_value':
      return `${name} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describe(issue.input)}`;
    case 'invalid_format':
      return `${name} must be ${issue.format === 'date' ? 'a date YYYY-MM-DD' : `in ${issue.format} format`}, found ${describe(issue.input)}`;
    case 'too_small':
      return `${name} ${issue.origin === 'array' ? `needs at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}` : `must be at least ${issue.minimum}`}`;
    case 'too_big':
      return `${name} must be at most ${issue.maximum}`;
    default:
      return `${name}: ${issue.message}`;
  }
}

function where(path: PathSegment[]): string {
  return path.length > 0 ? ` in ${path.join('.')}` : '';
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return JSON.stringify(input);
}
