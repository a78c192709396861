/**
 * Examination findings and symptoms as finding tags: present, or documented absent. The catalog's
 * synonyms find most of them; examination tests ("straight leg raising", "Spurling's") count only
 * with their result; strength grades, intact sensation, symmetric reflexes and a normal
 * neurological examination are read here. The latest statement about a finding wins.
 */
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';

export interface FindingFacts {
  present: Found<string>[];
  absent: Found<string>[];
}

/** Readings the synonyms cannot express: [pattern, finding tag, present?]. */
const READINGS: [RegExp, string, boolean][] = [
  [/\b(neurologically intact|neurovascularly intact|neurologic(?:al)? (?:exam(?:ination)?|status) (?:was |is )?(?:normal|intact|unremarkable|non-?focal|within normal limits)|no (?:focal )?neurologic(?:al)? deficits?)\b/i, 'neuro_deficit', false],
  [/\b(sensation (?:is |was |were )?(?:grossly )?(?:intact|normal)|sensory (?:exam(?:ination)? )?(?:is |was )?(?:grossly )?(?:intact|normal)|intact (?:to )?(?:light touch|sensation))\b/i, 'sensory_deficit', false],
  [/\b(?:(?:deep tendon )?reflexes|DTRs?)\b[^.;]{0,50}?\b(?:2\+|normal|symmetric(?:al)?|intact|equal)/i, 'reflex_deficit', false],
  [/\b(?:motor )?(?:strength|power)\b[^.;]{0,40}?\b(?:intact|normal|full|symmetric(?:al)?)\b/i, 'weakness', false],
  [/\b(?:(?:deep tendon )?reflexes|DTRs?)\b[^.;]{0,30}?\b(?:absent|diminished|decreased|hypoactive|0\/4|asymmetric)/i, 'reflex_deficit', true],
  [/\b(?:decreased|reduced|restricted|limited|diminished|painful|loss of)\b[^.;]{0,30}?\brange of motion\b|\brange of motion\b[^.;]{0,25}?\b(?:decreased|reduced|restricted|limited|diminished)\b|\brestricted (?:\w+ )?(?:flexion|extension|motion)\b/i, 'limited_range_of_motion', true],
  [/\b(?:full|normal) (?:\w+ )?range of motion\b|\brange of motion (?:was |is )?(?:full|normal|within normal limits)\b/i, 'limited_range_of_motion', false],
  [/\b(?:strength|power|motor)\b[^.;]{0,25}?\b(?:decreased|diminished|reduced|weak)\b|\b(?:decreased|diminished|reduced)\s+(?:grip |motor )?(?:strength|power)\b/i, 'weakness', true],
];
export const EXAM = /\b(exam\w*|palpation|revealed|there (?:was|were|is)|noted|found|demonstrated|positive|negative)\b/i;
const SPASM = /\b(?:(?:muscle|paraspinal|paravertebral|paracervical|trapezius) )?(?:spasms?|hypertonicity|guarding)\b/i;

/** Strength graded on the 0-5 scale: below 5 is weakness, 5/5 throughout is none. */
const GRADE = /\b(?:strength|power|motor)\b[^.;]{0,40}?\b([0-5])([+-])?\s*(?:\/|over|out of)\s*5\b|\b([0-5])([+-])?\s*\/\s*5\s+(?:strength|motor|power)/i;

export function extractFindings(ctx: ExtractionContext): FindingFacts {
  const latest = new Map<string, Found<string> & { present: boolean }>();
  const note = (id: string, present: boolean, s: SummarySentence) => latest.set(id, { value: id, from: s, present });
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    for (const hit of ctx.lexicon.find(s.text, 'finding')) {
      const a = assertionOf(s.text, hit.start, hit.end);
      if (hit.test) {
        const positive = /\bpositive\b|\+\s*$/i.test(s.text.slice(Math.max(0, hit.start - 30), hit.start)) || /^[^.;,]{0,25}?\b(?:was|were|is|are|tests?)\s+positive\b|^\s*(?:test\s+)?positive\b/i.test(s.text.slice(hit.end));
        if (a === 'negated') note(hit.id, false, s);
        else if (positive && a === 'affirmed') note(hit.id, true, s);
        continue;
      }
      if (a === 'affirmed') note(hit.id, true, s);
      if (a === 'negated') note(hit.id, false, s);
    }
    for (const [re, id, present] of READINGS) if (re.test(s.text)) note(id, present, s);
    // Spasm or hypertonicity found on examination is a finding, not a diagnosis.
    const spasm = SPASM.exec(s.text);
    if (spasm && EXAM.test(s.text)) note('palpable_spasm', assertionOf(s.text, spasm.index, spasm.index + spasm[0].length) !== 'negated', s);
    const g = GRADE.exec(s.text);
    if (g) {
      const grade = Number(g[1] ?? g[3]);
      const sign = g[2] ?? g[4];
      note('weakness', grade < 5 || sign === '-', s);
    }
  }
  const all = [...latest.values()];
  return {
    present: all.filter((f) => f.present).map(({ value, from }) => ({ value, from })),
    absent: all.filter((f) => !f.present).map(({ value, from }) => ({ value, from })),
  };
}
