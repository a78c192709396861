/**
 * The quick answer to "is this value a valid case?", from the validator generated at build time
 * (src/build/case-validator.ts), without loading zod. A valid case comes back as zod would return
 * it (keys in the schema's order); `undefined` means there is no quick answer (run from the
 * TypeScript sources, or a schema the generator cannot express), and zod must be asked.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Case } from '../model/case-schema.js';

type KeyOrder = { keys: [string, KeyOrder][] } | { items: KeyOrder } | null;
export type GeneratedCheck = ((value: unknown) => boolean) & { keyOrder: KeyOrder };

let generated: GeneratedCheck | null | undefined;

function built(): GeneratedCheck | null {
  try {
    // Named so that the bundler leaves it alone: the file is found beside the built code at run time.
    const requireBuilt = createRequire(import.meta.url);
    generated ??= requireBuilt(fileURLToPath(new URL('../model/case-validator.cjs', import.meta.url))) as GeneratedCheck;
  } catch {
    generated = null;
  }
  return generated;
}

/** The case, `false` when it is not a valid case, `undefined` when only zod can tell. */
export function quickCase(value: unknown, check: GeneratedCheck | null = generated === undefined ? built() : generated): Case | false | undefined {
  if (check === null) return undefined;
  return check(value) ? (inOrder(value, check.keyOrder) as Case) : false;
}

/** Each object's keys by position, found once per schema node. */
const positions = new WeakMap<object, Map<string, number>>();

/** The value with every object's keys in the schema's order; objects already in order are kept. */
function inOrder(value: unknown, order: KeyOrder): unknown {
  if (order === null) return value;
  if ('items' in order) {
    const list = value as unknown[];
    let copy: unknown[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const v = inOrder(list[i], order.items);
      if (v !== list[i]) (copy ??= list.slice())[i] = v;
    }
    return copy ?? list;
  }
  let at = positions.get(order);
  if (!at) positions.set(order, (at = new Map(order.keys.map(([k], i) => [k, i]))));
  const from = value as Record<string, unknown>;
  let last = -1;
  let sorted = true;
  let changed = false;
  const children: Record<string, unknown> = {};
  for (const key in from) {
    const i = at.get(key)!;
    if (i < last) sorted = false;
    last = i;
    const child = order.keys[i]![1];
    if (child !== null) {
      const v = inOrder(from[key], child);
      if (v !== from[key]) changed = true;
      children[key] = v;
    }
  }
  if (sorted && !changed) return from;
  const out: Record<string, unknown> = {};
  for (const [key, child] of order.keys) if (from[key] !== undefined) out[key] = child === null ? from[key] : children[key];
  return out;
}
