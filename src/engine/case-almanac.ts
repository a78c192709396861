/**
 * A json-rules-engine Almanac that answers fact lookups from one case and item. Facts are
 * computed on demand from the fact registry, so a run costs only the facts its rule names, and a
 * fact the records do not document resolves to undefined (reported as "not documented").
 */
import { Almanac } from 'json-rules-engine';
import type { FactContext } from '../facts/fact-context.js';
import type { FactDefinition } from '../facts/fact-types.js';

export class CaseAlmanac extends Almanac {
  constructor(
    private readonly ctx: FactContext,
    private readonly facts: ReadonlyMap<string, FactDefinition>,
  ) {
    super({ allowUndefinedFacts: true });
  }

  override factValue<T>(factId: string, params: Record<string, unknown> = {}): Promise<T> {
    const def = this.facts.get(factId);
    const value = def === undefined ? undefined : this.ctx.factValue(def, params);
    return Promise.resolve(value as T);
  }
}
