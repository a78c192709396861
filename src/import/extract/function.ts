/**
 * Overall functional improvement with the current regimen ("continues to utilize medications with
 * adequate pain relief and improved function", "her medications improved her ability to walk"),
 * or its documented absence ("no functional improvement", "no changes in ... level of functioning").
 */
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found } from './context.js';

const REGIMEN = /\b(medications?|regimen|treatment|therapy|therapies|program)\b/i;
const IMPROVED = /\b(improv(?:e|es|ed|ing)(?: (?:his|her|the))? (?:function\w*|ability|activit\w+|ADLs?|activities of daily living)|improved function|functional (?:improvement|gains?|benefit)|increas(?:e|es|ed)(?: (?:his|her))? (?:function\w*|activity level|activities))\b/i;

/**
 * Function that has not changed over the course of care: "no changes in complaints or level of
 * functioning", "function remains unchanged". Said of the records as a whole, no regimen need be named.
 */
const UNCHANGED = /\bno (?:significant |real |meaningful )?(?:changes? in|improvement in|gains? in)\b[^.;]{0,40}?\bfunction\w*|\bfunction(?:ing|al (?:status|level))? (?:has |have )?(?:remain(?:s|ed)? (?:unchanged|the same)|(?:is|was) unchanged|not improved)\b/i;

export function extractFunctionalImprovement(ctx: ExtractionContext): Found<boolean> | undefined {
  let found: Found<boolean> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    const unchanged = UNCHANGED.exec(s.text);
    if (unchanged && assertionOf(s.text, unchanged.index, unchanged.index + unchanged[0].length) === 'affirmed') {
      found = { value: false, from: s };
      continue;
    }
    if (!REGIMEN.test(s.text)) continue;
    const m = IMPROVED.exec(s.text);
    if (!m) continue;
    const a = assertionOf(s.text, m.index, m.index + m[0].length);
    if (a === 'affirmed') found = { value: true, from: s };
    if (a === 'negated') found = { value: false, from: s };
  }
  return found;
}
