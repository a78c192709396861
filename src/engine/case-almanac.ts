/**
 * A json-rules-engine Almanac that answers fact lookups from one case and item. Facts are
 * computed on demand from the fact registry, so a run costs only the facts its rules name, and a
 * fact the records do not document resolves to undefined (reported as "not documented").
 *
 * Conditions name a fact read (a fact with its parameters) by one id, its memo key: the engine
 * copies every condition on every run, so parameters handed over as objects would be copied and
 * keyed afresh each time; an id is read once, when the conditions are set up.
 */
import { Almanac } from 'json-rules-engine';
import type { FactContext } from '../facts/fact-context.js';
import { factKey } from '../facts/fact-context.js';
import type { FactDefinition } from '../facts/fact-types.js';
import { FACTS } from '../facts/registry.js';

interface FactRead {
  def: FactDefinition | undefined;
  params: Readonly<Record<string, unknown>>;
}

const reads = new Map<string, FactRead>();

/** The id a condition names for reading `fact` with `params`. */
export function factReadId(fact: string, params: Readonly<Record<string, unknown>> | undefined): string {
  const def = FACTS.get(fact);
  const id = def ? factKey(def, params) : `${fact}${JSON.stringify(params ?? {})}`;
  if (!reads.has(id)) reads.set(id, { def, params: params ?? {} });
  return id;
}

/** The value of a fact read for this item (memoised by the context). */
export function readFact(ctx: FactContext, id: string): unknown {
  const read = reads.get(id);
  return read?.def === undefined ? undefined : ctx.factValueKeyed(read.def, read.params, id);
}

export class CaseAlmanac extends Almanac {
  constructor(private readonly ctx: FactContext) {
    super({ allowUndefinedFacts: true });
  }

  override factValue<T>(id: string): Promise<T> {
    return Promise.resolve(readFact(this.ctx, id) as T);
  }
}
