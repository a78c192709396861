/**
 * How one treatment went, read from its own words (or its clause when it is the only treatment
 * there): failed, partial, effective, not tolerated; pain relief and functional improvement; and
 * whether the symptoms persisted despite it. The general forms:
 *   failed:     "did not help", "no improvement", "no change with X", "worse after X", "made the pain worse"
 *   partial:    a benefit word and a limit in the same clause or the next ("helps, but only for two
 *               hours", "temporary relief", "short-lived", "the relief wears off")
 *   persisting: "<symptom> persisted|continued|remained despite|after|with X", "persistent <symptom> despite X"
 *   effective:  "helps", "helped", "beneficial", "responded well"
 */
import type { TreatmentHistoryEntry } from '../../model/case-schema.js';
import { assertionOf } from '../nlp/negation.js';

export const PAIN_RELIEF = /\b(help(?:s|ed|ing)?(?: to)? (?:decrease|reduce|relieve|with|control)(?: (?:his|her|the))? pain|(?:a )?(?:little |slightly |somewhat )?less pain|(?:\w+ )?improvement (?:in|of) (?:his |her |the )?pain|(?:adequate |good |significant |some |partial )?pain relief|relie(?:f|ves?|ved)|reduc(?:es|ed|tion in|ing) (?:his |her |the )?pain|decreas(?:es|ed|ing) (?:his |her |the )?pain|pain (?:is |was )?(?:decreased|reduced|better|improved|controlled)|dulls (?:his |her )?pain|\d+ ?% (?:relief|improvement|reduction|decrease)|alleviat\w+)\b/i;
export const FUNCTION = /\b(improv(?:e|es|ed|ing)(?: (?:his|her|the))? (?:function\w*|ability|activit\w+|ADLs?)|improved function|functional (?:improvement|gains?|benefit)|increas(?:e|es|ed)(?: (?:his|her))? (?:function\w*|activity|activities)|able to (?:work|perform|walk|sleep|stand|function|do))\b/i;
const FAILED = /\b(failed|fail(?:ure)? of|not help(?:ing|ed|ful)?|no help|did not (?:seem to )?help|(?:has|have|had) not (?:proven|been|proved) (?:\w+ )?(?:beneficial|helpful|effective|successful)|without (?:significant |much |any )?(?:relief|improvement|benefit|success)|no (?:significant |lasting |real |appreciable )?(?:relief|improvement|benefit)|did not (?:help|improve|provide|work)|not (?:helpful|effective|beneficial)|ineffective|minimal (?:relief|improvement|benefit)|(?:has|had) not (?:seemed to )?improve\w*|unsuccessful|not (?:seem(?:ed)? to )?improve|(?:made|makes|making) (?:\w+ )?(?:\w+ )?(?:pain |symptoms )?worse)\b/i;
/**
 * Worse, or no different, with the treatment named right after: "worse after physical therapy",
 * "aggravated by chiropractic care", "no change with acupuncture". (Pain "aggravated by walking"
 * in the clause of a drug says nothing of the drug.)
 */
const WORSE_WITH = /\b(?:(?:got|became|was|were|is|are|been)\s+)?(?:worse|worsened|aggravated|exacerbated|no (?:significant |real )?(?:change|difference))\s+(?:with|by|after|following|from|since)\s+(?:[\w-]+\s+){0,2}?(?:sessions? of\s+)?$/i;
const EFFECTIVE = /\b(improv(?:e|es|ed|ing|ement)|benefit(?:ed|ted|s)?|helpful|help(?:s|ed|ing)?|effective|better|responded well)\b/i;
/** A benefit cut short: "helps but only for two hours", "temporary relief", "the relief wears off". */
const BENEFIT = String.raw`(?:help\w*|relie(?:f|ves?|ved)|benefit\w*|improve\w*|better|effective)`;
const LIMIT = String.raw`(?:only|temporar\w+|short[- ](?:term|lived|lasting)|brief(?:ly)?|transient(?:ly)?|partial(?:ly)?|wears? off|wore off|(?:for|lasting|lasts|lasted)\s+(?:only\s+)?(?:a (?:few|couple of)\s+|about\s+|\d+(?:\s*(?:-|to)\s*\d+)?\s+|one\s+|two\s+|three\s+)?(?:hours?|hrs?|days?))`;
const PARTIAL = new RegExp(String.raw`\b${BENEFIT}\b[^.;]{0,40}?\b${LIMIT}\b|\b${LIMIT}\s+(?:\w+\s+)?${BENEFIT}\b`, 'i');
const ADVERSE = /\b(side effects?|adverse (?:effects?|reactions?)|intoleran\w+|could not tolerate|unable to tolerate|somnolen\w*|drows\w+|dizz\w+|sedat\w+|nausea|constipation|made (?:him|her) (?:\w+ )?(?:sick|dizzy|somnolent|sleepy|drowsy))\b/i;
/** Symptoms that went on through a treatment named after the words. */
const SYMPTOM = String.raw`(?:pain|symptoms?|complaints?|numbness|tingling|weakness|discomfort|stiffness|spasms?|headaches?)`;
const BUT_STILL = new RegExp(String.raw`^\W*(?:but|however|although|though)\b[^.;]{0,30}?\b(?:continu\w*|still|persist\w*|remain\w*|ongoing)\b[^.;]{0,40}?\b${SYMPTOM}\b`, 'i');
const PERSISTED = new RegExp(String.raw`\b(?:persist\w*|continu\w*|remain\w*|ongoing|still)\b[^.;]{0,40}?\b(?:despite|in spite of|notwithstanding|after|with)\s+(?:\w+\s+){0,4}$|\b(?:despite|in spite of|notwithstanding)\s+(?:\w+\s+){0,4}$`, 'i');
const PERSISTENT_SYMPTOM = new RegExp(String.raw`\b(?:persistent|persisting|continued|continuing|ongoing|unrelenting|unremitting|residual)\s+(?:\w+\s+){0,2}?${SYMPTOM}\b|\b${SYMPTOM}\b[^.;]{0,30}?\b(?:persist\w*|continu\w*|remain\w*)\b`, 'i');

/**
 * Reads the response into `e`. `clause` holds the treatment's own words (or its clause); `before`
 * the words of its clause before its name ("persistent pain despite"); `next` the clause after
 * it, where a limit may follow ("which helps, but only for two hours").
 */
export function readResponse(clause: string, e: TreatmentHistoryEntry, before = '', next = ''): void {
  if (PERSISTED.test(before) && (PERSISTENT_SYMPTOM.test(before) || /\b(?:despite|in spite of)\b/i.test(before))) e.symptoms_persist = true;
  if (WORSE_WITH.test(before)) {
    e.response = 'failed';
    e.symptoms_persist = true;
    return;
  }
  const failed = FAILED.exec(clause);
  const relief = PAIN_RELIEF.exec(clause);
  if (failed && assertionOf(clause, failed.index, failed.index + failed[0].length) !== 'uncertain') {
    e.response = 'failed';
    if (/relief|pain|help/i.test(failed[0])) e.pain_relief = false;
    if (/\b(?:no|not|without|did not)\b/i.test(failed[0]) || /worse/i.test(failed[0])) e.symptoms_persist = true;
    return;
  }
  if (relief && assertionOf(clause, relief.index, relief.index + relief[0].length) === 'affirmed') e.pain_relief = true;
  // Pain lower with the treatment than without it: "5/10 with Nucynta and 9/10 without", in either order.
  const withFirst = /(\d{1,2})\s*\/\s*10 with\b[^.;]*?\b(\d{1,2})\s*\/\s*10 without\b/i.exec(clause);
  const withoutFirst = /(\d{1,2})\s*\/\s*10 without\b[^.;]*?\b(\d{1,2})\s*\/\s*10 with\b/i.exec(clause);
  if ((withFirst && Number(withFirst[1]) < Number(withFirst[2])) || (withoutFirst && Number(withoutFirst[2]) < Number(withoutFirst[1]))) e.pain_relief = true;
  const fn = FUNCTION.exec(clause);
  if (fn && assertionOf(clause, fn.index, fn.index + fn[0].length) === 'affirmed') e.functional_improvement = true;
  if (ADVERSE.test(clause) && !/\bno (?:side|adverse)/i.test(clause)) {
    e.adverse_effects = true;
    if (/intoleran|(?:could not|unable to) tolerate/i.test(clause)) e.response = 'intolerant';
  }
  if (e.response) return;
  // The limit may close the treatment's clause or open the next: "Norco, which helps, but only for two hours".
  const nextClause = /^\W*(?:but|however|although|which|though)?[^;.]*/i.exec(next)?.[0] ?? '';
  // Help with symptoms going on: "chiropractic care has helped, but she continues with hand pain".
  if (EFFECTIVE.test(clause) && BUT_STILL.test(nextClause)) {
    e.response = 'partial';
    e.symptoms_persist = true;
    return;
  }
  if (PARTIAL.test(clause) || PARTIAL.test(`${clause} ${nextClause}`)) {
    e.response = 'partial';
    if (/less pain|relief/i.test(nextClause)) e.pain_relief = true;
    return;
  }
  // Effective when said so in words of its own: pain relief or better function alone are recorded as such.
  const general = clause.replace(new RegExp(PAIN_RELIEF.source, 'gi'), ' ').replace(new RegExp(FUNCTION.source, 'gi'), ' ');
  const effective = EFFECTIVE.exec(general);
  if (effective && assertionOf(general, effective.index, effective.index + effective[0].length) === 'affirmed') e.response = 'effective';
}
