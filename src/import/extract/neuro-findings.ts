/**
 * The neurological examination in free wording: sensory loss and where it lies (a dermatome or a
 * spinal level is a radicular sign; a named nerve, a peripheral one; the thumb, index and middle
 * fingers, the median nerve), reflexes by name or grade, and strength by grade or in words. Each
 * reading is a general pattern of how examinations are written:
 *   sensory:  <loss word> [up to 3 words] <sensory modality>  |  <modality> ... was <loss word>  |  hypoesthesia ...
 *   reflex:   <reflex> ... <deficit grade or word>  |  <deficit word> [2 words] <reflex>
 *   strength: every "N/5" grade (below 5, or 5-, is weakness; 5/5 alone is none)  |  <muscle or motion> was weak
 * The caller decides what an assertion (negated, uncertain) and a complaint sentence make of a reading.
 */

import type { TagReading } from './tag-reading.js';

const LOSS = String.raw`(?:decreased?|diminished|reduced|altered|impaired|absent|abnormal|loss of|lost|dull(?:ed)?|hypo-?esthe\w*|hypoalgesi\w*|hypalgesi\w*|dysesthe\w*)`;
const MODALITY = String.raw`(?:sensation|sensory|sensibility|light[- ]touch|pin ?prick|pinwheel|two[- ]point discrimination|vibrat\w+|proprioception|feeling)`;
const SENSORY_LOSS = new RegExp(
  String.raw`\b${LOSS}\s+(?:[\w-]+\s+){0,3}?${MODALITY}\b|\b${MODALITY}\b[^.;]{0,40}?\b(?:is|was|were|are|to be)\s+(?:\w+\s+)?(?:diminished|decreased|reduced|impaired|altered|absent|abnormal|dull)\b|\bhypo-?esthe(?:sia|tic)\b|\bhypalgesi\w*|\bnumb to (?:light touch|pin ?prick)\b|\bsensory (?:deficits?|loss|changes?|disturbances?)\b`,
  'gi',
);
const SENSORY_NORMAL = /\b(?:sensation|sensory (?:exam(?:ination)? )?)\b[^.;]{0,40}?\b(?:is|was|were|are)?\s*(?:grossly )?(?:intact|normal|within normal limits|symmetric(?:al)?|good|preserved)\b|\bintact (?:to )?(?:light touch|sensation|pin ?prick)\b|\b(?:normal|intact) (?:motor )?(?:strength|power) and sensation\b|\bstrength and sensation (?:is |was |are |were )?(?:grossly )?(?:intact|normal)\b/i;

/** Where a sensory loss lies, read in the rest of its clause. */
const DERMATOMAL = /\bdermatom\w*|\b[CLS][1-8](?:\s*-\s*[CLS]?[1-8])?\s+(?:distribution|dermatome|nerve root|root|level)s?\b|\b(?:distribution|dermatome|level)\s+of\s+(?:the\s+)?[CLS][1-8]\b|\b[CLS][1-8](?:\s*-\s*[CLS]?[1-8])?\b/;
const MEDIAN = /\bmedian(?:\s+nerve)?\s+(?:nerve\s+)?(?:distribution|territory|dermatome|innervated)|\bmedian nerve\b|\bradial (?:three (?:and (?:a )?half )?)?digits\b/i;
/** Digits named: the thumb, index and middle fingers alone are the median nerve's territory. */
const DIGITS = /\b(thumb|index|middle|ring|little|small|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\b/gi;
const MEDIAN_DIGITS = new Set(['thumb', 'index', 'middle', 'first', 'second', 'third', '1st', '2nd', '3rd']);

const REFLEX = String.raw`(?:(?:deep tendon |muscle stretch |DTR\s)?reflex(?:es)?|DTRs?|jerks?)`;
const REFLEX_NAME = String.raw`(?:Achilles|ankle|patellar|patella|knee|quadriceps|biceps|triceps|brachioradialis|hamstring|medial hamstring)`;
const REFLEX_LOW = String.raw`(?:absent|diminished|decreased|reduced|hypoactive|depressed|trace|sluggish|asymmetric(?:al)?|non-?reactive|0\s*\/\s*4|1\s*\/\s*4|(?<![\d.])[01]\+)`;
/** Reflexes whose name alone says reflex ("the Achilles was absent"); ankle, knee, biceps need the word. */
const REFLEX_ALONE = String.raw`(?:Achilles|patellar|brachioradialis)`;
const REFLEX_DEFICIT = new RegExp(
  String.raw`\b(?:${REFLEX}|${REFLEX_ALONE})\b[^.;]{0,35}?(?:\b|(?<=\s))${REFLEX_LOW}|\b${REFLEX_LOW}\s+(?:(?:left|right|bilateral|the)\s+)?(?:${REFLEX_NAME}\s+)?${REFLEX}\b|\b(?:hypo|a)reflexi\w+`,
  'gi',
);
const REFLEX_NORMAL = new RegExp(String.raw`\b${REFLEX}\b[^.;]{0,50}?(?:\b(?:normal|symmetric(?:al)?|intact|equal|brisk)\b|(?<![\d.])2\+)`, 'i');

/** A 0-5 strength grade: "4/5", "4+/5", "5-/5", "4 out of 5". */
const GRADE = /(?<![\d./])([0-5])\s*([+-])?\s*(?:\/|out of|of)\s*5(?![\d/-]|\.\d)(?!\s*(?:sessions?|visits?|treatments?|days?|weeks?|months?|years?|times?|tablets?|pills?|mg|%|levels?|injections?))/gi;
/** Words before a grade that make it something else than strength (a pain rating). */
const NOT_STRENGTH = /\bpain\b[^.;]{0,25}$|\b(?:VAS|scale|score|severity)\b[^.;]{0,12}$/i;
/** A muscle or motion said to be weak: "the EHL was weak", "weak ankle dorsiflexion". */
const WEAK = /\b(?:was|were|is|are|appeared|remains?)\s+(?:\w+\s+)?weak\b|\bweak\s+(?:\w+\s+){0,2}?(?:grip|dorsiflexion|plantar ?flexion|EHL|extensor hallucis longus|extension|flexion|abduction|adduction|rotation|quadriceps|hamstrings?|deltoid|biceps|triceps|intrinsics|muscles?)\b/gi;
const STRENGTH_LOSS = /\b(?:strength|power|motor)\b[^.;]{0,25}?\b(?:decreased|diminished|reduced|weak)\b|\b(?:decreased|diminished|reduced)\s+(?:grip |motor )?(?:strength|power)\b/gi;
const STRENGTH_NORMAL = /\b(?:motor )?(?:strength|power)\b[^.;]{0,40}?\b(?:intact|normal|full|symmetric(?:al)?)\b|\b(?:intact|normal|full) (?:motor )?(?:strength|power)\b/i;

export function neuroReadings(text: string): TagReading[] {
  const out: TagReading[] = [];
  const push = (id: string, present: boolean, m: { index: number; 0: string }) => out.push({ id, present, start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(SENSORY_LOSS)) {
    push('sensory_deficit', true, m);
    const where = clauseFrom(text, m.index);
    if (DERMATOMAL.test(where)) push('radicular_signs', true, m);
    if (MEDIAN.test(where) || medianDigits(where)) push('median_sensory_deficit', true, m);
  }
  const normalSensation = SENSORY_NORMAL.exec(text);
  if (normalSensation) push('sensory_deficit', false, normalSensation);
  for (const m of text.matchAll(REFLEX_DEFICIT)) push('reflex_deficit', true, m);
  const normalReflexes = REFLEX_NORMAL.exec(text);
  if (normalReflexes) push('reflex_deficit', false, normalReflexes);
  const grades = [...text.matchAll(GRADE)].filter((g) => !NOT_STRENGTH.test(text.slice(Math.max(0, g.index - 30), g.index)));
  for (const g of grades) push('weakness', Number(g[1]) < 5 || g[2] === '-', g);
  for (const m of text.matchAll(WEAK)) push('weakness', true, m);
  for (const m of text.matchAll(STRENGTH_LOSS)) push('weakness', true, m);
  const normalStrength = STRENGTH_NORMAL.exec(text);
  if (normalStrength) push('weakness', false, normalStrength);
  return out;
}

/** From `at` to the end of its clause: where a finding's site is written. */
function clauseFrom(text: string, at: number): string {
  const rest = text.slice(at);
  const stop = rest.search(/[;]|\.\s|\b(?:but|however|whereas|while)\b/i);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The digits named in the words right after a sensory loss are fingers (not toes), all of them the thumb, index or middle. */
function medianDigits(where: string): boolean {
  const near = where.slice(0, 70);
  if (!/\b(?:fingers?|thumbs?|hands?)\b/i.test(near) || /\b(?:toes?|foot|feet|phalanx of the (?:foot|toe))\b/i.test(near)) return false;
  const named = [...near.matchAll(DIGITS)].map((d) => d[1]!.toLowerCase());
  return named.length > 0 && named.every((d) => MEDIAN_DIGITS.has(d));
}
