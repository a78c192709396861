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

function inOrder(value: unknown, order: KeyOrder): unknown {
  if (order === null) return value;
  if ('items' in order) return (value as unknown[]).map((v) => inOrder(v, order.items));
  const from = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of order.keys) if (from[key] !== undefined) out[key] = inOrder(from[key], child);
  return out;
}
