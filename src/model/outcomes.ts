/** The standard IMR reading, apart from the schema so the evaluator does not load zod for it. */
import type { OutcomeMap } from './rule-schema.js';

/** Undocumented counts against the request. */
export const DEFAULT_OUTCOMES: OutcomeMap = { met: 'overturned', not_met: 'upheld', not_documented: 'upheld' };
