/** Age and sex: "a 48 year old male", "This 54 year old man", "a now 58-year-old female". */
import type { ExtractionContext, Found } from './context.js';

export interface PatientFacts {
  age?: Found<number>;
  sex?: Found<'female' | 'male'>;
}

const AGE_SEX = /\b(\d{1,3})[- ]years?[- ]old,?\s+(?:\w+\s+){0,2}?(male|female|man|woman|gentleman|lady|gentlemen|boy|girl)\b/i;
const AGE = /\b(?:(\d{1,3})[- ]years?[- ]old|age(?:d)?\s+(\d{1,3})|(\d{1,3}) years of age)\b/i;
const SEX: Record<string, 'female' | 'male'> = {
  male: 'male', man: 'male', gentleman: 'male', gentlemen: 'male', boy: 'male',
  female: 'female', woman: 'female', lady: 'female', girl: 'female',
};

export function extractPatient(ctx: ExtractionContext): PatientFacts {
  const out: PatientFacts = {};
  for (const s of ctx.sentences) {
    const both = AGE_SEX.exec(s.text);
    if (both) {
      out.age ??= { value: Number(both[1]), from: s };
      out.sex ??= { value: SEX[both[2]!.toLowerCase()]!, from: s };
    }
    const age = AGE.exec(s.text);
    if (age && !out.age) out.age = { value: Number(age[1] ?? age[2] ?? age[3]), from: s };
    if (out.age && out.sex) break;
  }
  if (out.age && (out.age.value < 14 || out.age.value > 110)) delete out.age;
  // Without a stated sex, the pronouns decide only when the summary uses one kind alone.
  if (!out.sex) {
    const she = ctx.sentences.find((s) => /\b(she|her|hers|herself)\b/i.test(s.text));
    const he = ctx.sentences.find((s) => /\b(he|him|his|himself)\b/i.test(s.text));
    if (she && !he) out.sex = { value: 'female', from: she };
    if (he && !she) out.sex = { value: 'male', from: he };
  }
  return out;
}
