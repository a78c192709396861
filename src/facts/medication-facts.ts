/** Facts used by the medication rules (see rules/ and `mtus facts`). */
import { defineFacts } from './fact-types.js';

export const medicationFacts = defineFacts();
