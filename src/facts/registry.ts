/** Every fact a rule may name, by name. Lint and `mtus facts` read the declarations from here. */
import { clinicalFacts } from './clinical-facts.js';
import { courseFacts } from './course-facts.js';
import { diagnosticFacts } from './diagnostic-facts.js';
import { drugFacts } from './drug-facts.js';
import type { FactDefinition } from './fact-types.js';
import { historyFacts } from './history-facts.js';
import { imagingFacts } from './imaging-facts.js';
import { itemFacts } from './item-facts.js';
import { medicationFacts } from './medication-facts.js';
import { procedureFacts } from './procedure-facts.js';
import { spineFacts } from './spine-facts.js';
import { studyFacts } from './study-facts.js';
import { surgeryFacts } from './surgery-facts.js';
import { therapyFacts } from './therapy-facts.js';

const ALL: FactDefinition[] = [
  ...clinicalFacts, ...historyFacts, ...itemFacts, ...spineFacts, ...studyFacts, ...surgeryFacts,
  ...medicationFacts, ...therapyFacts, ...imagingFacts, ...procedureFacts, ...courseFacts,
  ...diagnosticFacts, ...drugFacts,
];

export const FACTS: ReadonlyMap<string, FactDefinition> = new Map(ALL.map((f) => [f.name, f]));

if (FACTS.size !== ALL.length) {
  const seen = new Set<string>();
  const twice = ALL.filter((f) => (seen.has(f.name) ? true : (seen.add(f.name), false))).map((f) => f.name);
  throw new Error(`fact declared twice: ${twice.join(', ')}`);
}
