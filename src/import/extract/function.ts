/**
 * Overall functional improvement with the current regimen ("continues to utilize medications with
 * adequate pain relief and improved function", "her medications improved her ability to walk"),
 * or its documented absence ("no functional improvement").
 */
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found } from './context.js';

const REGIMEN = /\b(medications?|regimen|treatment|therapy|therapies|program)\b/i;
const IMPROVED = /\b(improv(?:e|es|ed|ing)(?: (?:his|her|the))? (?:function\w*|ability|activit\w+|ADLs?|activities of daily living)|improved function|functional (?:improvement|gains?|benefit)|increas(?:e|es|ed)(?: (?:his|her))? (?:function\w*|activity level|activities))\b/i;

export function extractFunctionalImprovement(ctx: ExtractionContext): Found<boolean> | undefined {
  let found: Found<boolean> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review' || !REGIMEN.test(s.text)) continue;
    const m = IMPROVED.exec(s.text);
    if (!m) continue;
    const a = assertionOf(s.text, m.index, m.index + m[0].length);
    if (a === 'affirmed') found = { value: true, from: s };
    if (a === 'negated') found = { value: false, from: s };
  }
  return found;
}
