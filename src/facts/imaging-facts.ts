/** Facts used by the imaging rules (see rules/ and `mtus facts`). */
import { defineFacts } from './fact-types.js';

export const imagingFacts = defineFacts();
