/** Facts used by the procedure rules (see rules/ and `mtus facts`). */
import { defineFacts } from './fact-types.js';

export const procedureFacts = defineFacts();
