/**
 * Operators json-rules-engine lacks for list facts, registered on every engine. Each returns a
 * plain boolean; whether the fact was documented at all is decided before, not here.
 */
import { Operator } from 'json-rules-engine';

const isList = (v: unknown): v is unknown[] => Array.isArray(v);

export const LIST_OPERATORS: Operator[] = [
  new Operator('intersects', (fact: unknown[], value: unknown) => isList(value) && fact.some((x) => value.includes(x)), isList),
  new Operator('disjointFrom', (fact: unknown[], value: unknown) => isList(value) && !fact.some((x) => value.includes(x)), isList),
  new Operator('subsetOf', (fact: unknown[], value: unknown) => isList(value) && fact.every((x) => value.includes(x)), isList),
  new Operator('sizeAtMost', (fact: unknown[], value: unknown) => fact.length <= Number(value), isList),
  new Operator('sizeAtLeast', (fact: unknown[], value: unknown) => fact.length >= Number(value), isList),
];
