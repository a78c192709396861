/**
 * Checks what a schema cannot: that every criterion names a declared fact with the parameters
 * it takes, an operator that suits the fact's type, and catalog ids that exist. A criterion over
 * a misspelt fact would otherwise always read "not documented", so these are load errors.
 */
import type { Catalog } from '../catalog/catalog.js';
import { closestName, didYouMean } from '../diagnostics/suggest.js';
import { didYouMeanId } from '../catalog/suggest-id.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SharedCriterion } from '../engine/compile-rule.js';
import type { CompiledNode, CompiledRule, LeafNode } from '../engine/compiled-rule.js';
import { LeafCriterion } from '../model/rule-schema.js';
import { OPERATORS, OPERATORS_BY_TYPE, type FactDefinition, type ParamKind } from '../facts/fact-types.js';
import { FACTS } from '../facts/registry.js';
import { positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';

/**
 * A leaf criterion in a file that does not validate: checked all the same, wholly when it validates
 * on its own, else (`partial`) for the fact, operator and catalog ids it names.
 */
export interface LooseLeaf {
  file: string;
  path: PathSegment[];
  criterion: LeafCriterion;
  partial?: boolean;
}

export function checkRuleSemantics(
  rules: readonly CompiledRule[],
  shared: ReadonlyMap<string, SharedCriterion>,
  catalog: Catalog,
  files: () => ReadonlyMap<string, YamlFile>,
  looseLeaves: readonly LooseLeaf[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (file: string, path: PathSegment[], code: string, message: string, key = false) => {
    const y = files().get(file);
    const pos = y ? positionOf(y, path, { key }) : { line: 1, column: 1 };
    out.push({ file, ...pos, code, message });
  };
  const seenLeaves = new Set<string>();
  const checkLeaf = (leaf: LeafNode) => {
    const where = `${leaf.origin.file}#${leaf.origin.path.join('.')}`;
    if (seenLeaves.has(where)) return; // a shared criterion is checked once, where it is written
    seenLeaves.add(where);
    for (const m of leafProblems(leaf, catalog)) report(leaf.origin.file, [...leaf.origin.path, ...m.at], m.code, m.message, m.key);
  };

  // A schema error elsewhere in a file must not hide what is wrong with its well-formed criteria.
  for (const l of looseLeaves) {
    if (!l.partial) checkLeaf({ kind: 'leaf', id: l.criterion.id, text: l.criterion.text, index: -1, criterion: l.criterion, origin: { file: l.file, path: l.path } });
    else for (const m of partialLeafProblems(l.criterion, catalog)) report(l.file, [...l.path, ...m.at], m.code, m.message, m.key);
  }
  for (const c of rules) {
    const ids = new Set<string>();
    walk(c.tree, (node) => {
      if (node.kind === 'leaf') checkLeaf(node);
      if (node.origin.file === c.file) checkRole(node, (code, message) => report(c.file, node.origin.path, code, message, true));
      if (node.id && node.origin.file === c.file) {
        if (ids.has(node.id)) report(c.file, [...node.origin.path, 'id'], 'duplicate-criterion', `criterion id '${node.id}' is used twice in this rule`);
        ids.add(node.id);
      }
    });
    const applies = c.rule.applies_to;
    applies.treatments?.forEach((t, i) => {
      if (!catalog.isTreatment(t)) report(c.file, ['applies_to', 'treatments', i], 'unknown-treatment', `'${t}' is not in the catalog${didYouMeanId(catalog, 'treatment', t)}`);
    });
    applies.classes?.forEach((t, i) => {
      if (!catalog.isClass(t)) report(c.file, ['applies_to', 'classes', i], 'unknown-class', `'${t}' is not a catalog class${didYouMean(t, catalog.classIdList())}`);
    });
  }
  return out;
}

/** A condition needs the case it covers; only a condition has one. */
function checkRole(node: CompiledNode, problem: (code: string, message: string) => void): void {
  if (node.role === 'condition' && !node.when) problem('condition-without-when', `criterion '${node.id ?? '(unnamed)'}' is a condition: say in 'when:' the case it covers`);
  if (node.when && node.role !== 'condition') problem('when-without-condition', `criterion '${node.id ?? '(unnamed)'}' has 'when:' but is not a condition: add 'role: condition' or drop 'when'`);
}

interface Problem {
  at: PathSegment[];
  code: string;
  message: string;
  key?: boolean;
}

function leafProblems(leaf: LeafNode, catalog: Catalog): Problem[] {
  const c = leaf.criterion;
  const def = FACTS.get(c.fact);
  if (!def) return [{ at: ['fact'], code: 'unknown-fact', message: `'${c.fact}' is not a case fact${didYouMean(c.fact, FACTS.keys())}` }];
  const problems: Problem[] = [];
  const allowed = OPERATORS_BY_TYPE[def.type];
  if (!OPERATORS.includes(c.operator)) {
    problems.push({ at: ['operator'], code: 'unknown-operator', message: `'${c.operator}' is not an operator${operatorHint(c.operator, allowed)} (for ${def.type} fact '${c.fact}': ${allowed.join(', ')})` });
  } else if (!allowed.includes(c.operator)) {
    problems.push({ at: ['operator'], code: 'operator-type', message: `operator '${c.operator}' does not suit ${def.type} fact '${c.fact}' (use ${allowed.join(', ')})` });
  }
  problems.push(...paramProblems(def, c.params ?? {}, catalog));
  problems.push(...valueProblems(def, c.operator, c.value));
  return problems;
}

/** The names a malformed leaf uses, checked as far as they are written (the schema reports the rest). */
function partialLeafProblems(raw: LeafCriterion, catalog: Catalog): Problem[] {
  if (typeof raw.fact !== 'string') return [];
  const def = FACTS.get(raw.fact);
  if (!def) return [{ at: ['fact'], code: 'unknown-fact', message: `'${raw.fact}' is not a case fact${didYouMean(raw.fact, FACTS.keys())}` }];
  const problems: Problem[] = [];
  const allowed = OPERATORS_BY_TYPE[def.type];
  if (typeof raw.operator === 'string' && !OPERATORS.includes(raw.operator)) {
    problems.push({ at: ['operator'], code: 'unknown-operator', message: `'${raw.operator}' is not an operator${operatorHint(raw.operator, allowed)} (for ${def.type} fact '${raw.fact}': ${allowed.join(', ')})` });
  }
  const params = typeof raw.params === 'object' && raw.params !== null ? raw.params : {};
  for (const [name, value] of Object.entries(params)) {
    const kind = def.params?.[name];
    const bad = kind && typeof value === 'string' ? unknownCatalogId(kind, value, catalog) : undefined;
    if (bad) problems.push({ at: ['params', name], ...bad });
  }
  return problems;
}

/** What other rule engines and languages call our operators, for the suggestion. */
const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  lessThanOrEqual: 'lessThanInclusive', lessThanOrEqualTo: 'lessThanInclusive', lte: 'lessThanInclusive', le: 'lessThanInclusive', '<=': 'lessThanInclusive',
  greaterThanOrEqual: 'greaterThanInclusive', greaterThanOrEqualTo: 'greaterThanInclusive', gte: 'greaterThanInclusive', ge: 'greaterThanInclusive', '>=': 'greaterThanInclusive',
  lt: 'lessThan', '<': 'lessThan', gt: 'greaterThan', '>': 'greaterThan',
  eq: 'equal', equals: 'equal', is: 'equal', '==': 'equal', '===': 'equal', '=': 'equal',
  ne: 'notEqual', neq: 'notEqual', notEquals: 'notEqual', '!=': 'notEqual', '!==': 'notEqual',
  includes: 'contains', has: 'contains', excludes: 'doesNotContain', notContains: 'doesNotContain', oneOf: 'in', notOneOf: 'notIn',
};

function operatorHint(operator: string, allowed: readonly string[]): string {
  const alias = OPERATOR_ALIASES[operator];
  if (alias) return ` (did you mean '${alias}'?)`;
  return didYouMean(operator, allowed) || didYouMean(operator, OPERATORS);
}

function paramProblems(def: FactDefinition, params: Readonly<Record<string, unknown>>, catalog: Catalog): Problem[] {
  const declared = def.params ?? {};
  const problems: Problem[] = [];
  const missing = Object.keys(declared).filter((name) => !(name in params));
  const meant = new Set<string>();
  for (const [name, value] of Object.entries(params)) {
    const kind = declared[name];
    if (!kind) {
      // A misspelt parameter is one problem, reported at the key, not also as a missing one.
      const guess = closestName(name, missing);
      if (guess) meant.add(guess);
      problems.push({ at: ['params', name], code: 'unknown-param', message: `fact '${def.name}' takes no parameter '${name}'${didYouMean(name, Object.keys(declared))}`, key: true });
      continue;
    }
    const bad = unknownCatalogId(kind, String(value), catalog);
    if (bad) problems.push({ at: ['params', name], ...bad });
  }
  for (const name of missing.filter((m) => !meant.has(m))) {
    problems.push({ at: ['params'], code: 'missing-param', message: `fact '${def.name}' needs parameter '${name}'` });
  }
  return problems;
}

function unknownCatalogId(kind: ParamKind, id: string, catalog: Catalog): { code: string; message: string } | undefined {
  switch (kind) {
    case 'treatment':
    case 'procedure':
    case 'study':
      return catalog.isTreatment(id) || catalog.isClass(id)
        ? undefined
        : { code: 'unknown-treatment', message: `'${id}' is not a catalog treatment or class${didYouMeanId(catalog, 'treatment', id)}` };
    case 'condition':
    case 'finding':
      return catalog.term(kind, id)
        ? undefined
        : { code: `unknown-${kind}`, message: `'${id}' is not a catalog ${kind} tag${didYouMeanId(catalog, kind, id)}` };
    default:
      return undefined;
  }
}

function valueProblems(def: FactDefinition, operator: string, value: unknown): Problem[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const ref = (value as { fact: string }).fact;
    return FACTS.has(ref) ? [] : [{ at: ['value', 'fact'], code: 'unknown-fact', message: `'${ref}' is not a case fact${didYouMean(ref, FACTS.keys())}` }];
  }
  const wantsList = operator === 'in' || operator === 'notIn' || operator === 'intersects' || operator === 'disjointFrom' || operator === 'subsetOf';
  if (wantsList !== Array.isArray(value)) {
    return [{ at: ['value'], code: 'value-type', message: `operator '${operator}' compares with ${wantsList ? 'a list' : 'a single value'}` }];
  }
  const scalarType = def.type === 'list' ? (operator.startsWith('size') ? 'number' : 'string') : def.type;
  const items = Array.isArray(value) ? value : [value];
  const wrong = items.find((v) => typeof v !== scalarType);
  return wrong === undefined ? [] : [{ at: ['value'], code: 'value-type', message: `fact '${def.name}' is ${def.type}; ${JSON.stringify(wrong)} is not a ${scalarType}` }];
}

export function walk(node: CompiledNode, visit: (n: CompiledNode) => void): void {
  visit(node);
  if (node.when) walk(node.when, visit);
  if (node.kind === 'all' || node.kind === 'any') node.children.forEach((c) => walk(c, visit));
  else if (node.kind === 'not') walk(node.child, visit);
}

/** The leaves of a raw criteria tree that validate on their own, wherever the tree around them does not. */
export function looseLeavesOf(value: unknown, file: string, path: PathSegment[]): LooseLeaf[] {
  const out: LooseLeaf[] = [];
  const visit = (node: unknown, at: PathSegment[]) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
    const o = node as Record<string, unknown>;
    if ('fact' in o) {
      const leaf = LeafCriterion.safeParse(o);
      if (leaf.success) out.push({ file, path: at, criterion: leaf.data });
      else out.push({ file, path: at, criterion: o as unknown as LeafCriterion, partial: true });
      return;
    }
    for (const group of ['all', 'any'] as const) if (Array.isArray(o[group])) (o[group] as unknown[]).forEach((c, i) => visit(c, [...at, group, i]));
    if ('not' in o) visit(o.not, [...at, 'not']);
  };
  visit(value, path);
  return out;
}
