/**
 * A fact is a named value computed from a case and one disputed item. Rules compare facts; lint
 * checks fact names, parameters and operators against these declarations.
 */
import type { FactContext } from './fact-context.js';

export type FactType = 'boolean' | 'number' | 'string' | 'list';
export type FactValue = boolean | number | string | readonly string[];

/** What a parameter names, so lint can check it against the catalog. */
export type ParamKind = 'treatment' | 'condition' | 'finding' | 'procedure' | 'study' | 'text';

export interface FactDefinition {
  name: string;
  type: FactType;
  description: string;
  params?: Readonly<Record<string, ParamKind>>;
  /** the value, or undefined when the records do not document it */
  compute(ctx: FactContext, params: Readonly<Record<string, unknown>>): FactValue | undefined;
  /** where the value comes from, in words, for the report; only called when explaining */
  explain?(ctx: FactContext, params: Readonly<Record<string, unknown>>): string | undefined;
}

/** Operators json-rules-engine evaluates, by the fact type they make sense for. */
export const OPERATORS_BY_TYPE: Record<FactType, readonly string[]> = {
  boolean: ['equal', 'notEqual'],
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  list: ['contains', 'doesNotContain', 'intersects', 'disjointFrom', 'subsetOf', 'sizeAtMost', 'sizeAtLeast'],
};

/** Every operator a criterion may use. */
export const OPERATORS: readonly string[] = [...new Set(Object.values(OPERATORS_BY_TYPE).flat())].sort();

export function defineFacts(...facts: FactDefinition[]): FactDefinition[] {
  return facts;
}
