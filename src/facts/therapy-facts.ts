/** Facts used by the therapy rules (see rules/ and `mtus facts`). */
import { defineFacts } from './fact-types.js';

export const therapyFacts = defineFacts();
