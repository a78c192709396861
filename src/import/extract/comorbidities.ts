/**
 * Comorbidities the catalog's synonyms cannot express: obesity from a body mass index (30 or more
 * is obesity, below 30 is not: the WHO cut-off), and current tobacco use, where "non-smoker",
 * "former smoker" and "quit smoking" document its absence. Diabetes, hypertension, heart, lung,
 * kidney and liver disease, ulcers and bleeding are catalog names (rules/catalog/terms.yaml).
 */
import type { TagReading } from './tag-reading.js';

const BMI = /\b(?:BMI|body mass index)\b(?:\s+(?:of|is|was|was noted to be|measured|calculated(?: at)?|at|=|:))*\s*(\d{2}(?:\.\d+)?)\b/gi;
const NOT_SMOKING = /\bnon-?smoker\b|\b(?:does not|doesn't|do not|did not|never)\s+smoked?\b|\bnever (?:a )?smoker\b|\b(?:former|ex-?|previous|past|prior|quit|reformed)[- ]?smoker\b|\b(?:quit|stopped|ceased|gave up)\s+(?:smoking|tobacco|cigarettes)\b|\bno (?:history of )?(?:tobacco|smoking|cigarette|nicotine)(?: use)?\b|\bdenies (?:any )?(?:tobacco|smoking|cigarette|nicotine)(?: use)?\b|\b(?:tobacco|smoking) (?:history|use)? ?(?:is |was )?(?:negative|denied|none)\b/gi;
const SMOKING = /\b(?:(?:current|active|daily|heavy|chronic)\s+)?smoker\b|\bsmokes\b|\bcurrently smok\w+\b|\bsmoking\s+(?:\d+(?:\.\d+)?|one|a|half|two)\s+(?:\S+\s+)?(?:packs?|cigarettes?)\b|\b\d+(?:\.\d+)?\s*(?:packs? (?:per|a) day|ppd|pack[- ]years?)\b|\b(?:uses|chews|using)\s+tobacco\b|\b(?:tobacco|nicotine|cigarette) (?:use|user|abuse|dependence|smoking)\b|\bsmoking (?:history|habit)\b|\bcigarettes? (?:per|a) day\b/gi;

export function comorbidityReadings(text: string): TagReading[] {
  const out: TagReading[] = [];
  for (const m of text.matchAll(BMI)) out.push({ id: 'obesity', present: Number(m[1]) >= 30, start: m.index, end: m.index + m[0].length });
  const denials = [...text.matchAll(NOT_SMOKING)].map((m) => ({ id: 'tobacco_use', present: false, start: m.index, end: m.index + m[0].length }));
  out.push(...denials);
  for (const m of text.matchAll(SMOKING)) {
    const [start, end] = [m.index, m.index + m[0].length];
    // "former smoker": the denial covers these words.
    if (denials.some((d) => d.start < end && start < d.end)) continue;
    out.push({ id: 'tobacco_use', present: true, start, end });
  }
  return out;
}
