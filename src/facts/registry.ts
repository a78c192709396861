/** Every fact a rule may name, by name. Lint and `mtus facts` read the declarations from here. */
import { clinicalFacts } from './clinical-facts.js';
import type { FactDefinition } from './fact-types.js';
import { historyFacts } from './history-facts.js';
import { itemFacts } from './item-facts.js';
import { spineFacts } from './spine-facts.js';

export const FACTS: ReadonlyMap<string, FactDefinition> = new Map(
  [...clinicalFacts, ...historyFacts, ...itemFacts, ...spineFacts].map((f) => [f.name, f]),
);
