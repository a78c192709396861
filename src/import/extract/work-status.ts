/**
 * Work status: off work (temporary total disability), modified duty (restrictions), full duty,
 * or not working (retired, unemployed). The last statement in the summary is the current one.
 */
import type { WORK_STATUSES } from '../../model/vocabulary.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found } from './context.js';

type WorkStatus = (typeof WORK_STATUSES)[number];

const PATTERNS: [RegExp, WorkStatus][] = [
  [/\b(temporar(?:y|ily) (?:and )?total(?:ly)? (?:\w+ )?disab\w*|TTD|off (?:of )?work|(?:currently )?not (?:currently )?working|(?:inability|unable) to work|remain(?:s|ed)? off|placed off|not (?:been )?(?:able|allowed) to (?:return to )?work|total temporary disability|temporarily totally disabled)\b/i, 'off_work'],
  [/\b(modified (?:work|duty|duties)|light duty|restricted duty|work(?:ing)? with restrictions|return(?:ed)? to work with restrictions|work restrictions|restrictions? (?:of|including|to)|permanent and stationary with restrictions|temporary partial disability)\b/i, 'modified_duty'],
  [/\b(full duty|regular duty|usual (?:and customary )?duties|without restrictions|no restrictions|full-time (?:work|duty)|return(?:ed|s)? to (?:his |her |their )?(?:full|regular|usual) (?:job |work )?(?:work|duty|duties))\b/i, 'full_duty'],
  [/\b(retired|unemployed|no longer (?:works|employed)|laid off|terminated from)\b/i, 'not_working'],
];

export function extractWorkStatus(ctx: ExtractionContext): Found<WorkStatus> | undefined {
  let found: Found<WorkStatus> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review' || /work status (?:is|was) (?:not|un)/i.test(s.text)) continue;
    for (const [re, status] of PATTERNS) {
      const m = re.exec(s.text);
      if (!m) continue;
      // "not working" is itself a status; other phrases must not be negated ("no work restrictions" is full duty).
      if (status === 'modified_duty' && assertionOf(s.text, m.index, m.index + m[0].length) !== 'affirmed') continue;
      found = { value: status, from: s };
      break;
    }
  }
  return found;
}
