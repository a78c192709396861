/**
 * Diagnoses as written, and condition tags through the catalog's synonyms. A condition the
 * records affirm anywhere is documented; one they negate ("does not have CRPS", "without
 * myelopathy", "no evidence of radiculopathy") and never affirm is documented absent; uncertain
 * ("rule out", "possible"), undocumented ("no documentation of") and family mentions say nothing.
 * A diagnosis word that names a test, a procedure or a place ("shoulder depression test", "carpal
 * tunnel release") is not a diagnosis; a study that found no fracture documents a negative study,
 * not the absence of a fracture.
 */
import { assertionOf } from '../nlp/negation.js';
import type { Sentence } from '../nlp/sentences.js';
import type { ExtractionContext, Found } from './context.js';
import { comorbidityReadings } from './comorbidities.js';
import { EXAM } from './findings.js';
import { namesSomethingElse } from './term-use.js';

/** A study's result: "x-ray ... revealed no fracture", "CT scan showed ...". */
const STUDY_RESULT = /\b(?:MRI|CT|x-?rays?|radiographs?|films?|imaging|scan|studies|study|EMG|NCS|NCV)\b[^.;]*\b(?:revealed|revealing|reveals|showed|shows|demonstrated|detected|noted|impression)\b/i;

export interface ConditionFacts {
  diagnoses: Found<string>[];
  present: Found<string>[];
  absent: Found<string>[];
}

const DIAGNOSIS_LIST = /\b(?:diagnos(?:es|is|ed)\b(?:\s+(?:per|documented|include[sd]?|are|were|was|is|as having|with|of|as))*|being treated for|undergoing treatment for|treated for(?: the diagnos[ie]s of)?|with (?:a )?diagnos[ie]s of)\s*:?\s*/i;

export function extractConditions(ctx: ExtractionContext): ConditionFacts {
  const present = new Map<string, Found<string>>();
  const absent = new Map<string, Found<string>>();
  const consider = (s: Sentence) => {
    for (const hit of ctx.lexicon.find(s.text, 'condition')) {
      if (hit.test || namesSomethingElse(s.text, hit, ctx.catalog)) continue;
      const a = assertionOf(s.text, hit.start, hit.end);
      if (a === 'affirmed' && !present.has(hit.id)) present.set(hit.id, { value: hit.id, from: s });
      if (a === 'negated' && !absent.has(hit.id) && !STUDY_RESULT.test(s.text.slice(0, hit.start))) absent.set(hit.id, { value: hit.id, from: s });
    }
  };
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    consider(s);
    for (const r of comorbidityReadings(s.text)) {
      if (!r.present) absent.has(r.id) || absent.set(r.id, { value: r.id, from: s });
      else if (assertionOf(s.text, r.start, r.end) === 'affirmed') present.has(r.id) || present.set(r.id, { value: r.id, from: s });
    }
  }
  // Spasm found on examination is the finding palpable_spasm; only a diagnosed spasm is a condition.
  const spasm = present.get('muscle_spasm');
  if (spasm && EXAM.test(spasm.from.text) && !DIAGNOSIS_LIST.test(spasm.from.text)) present.delete('muscle_spasm');
  for (const r of ctx.requests) consider(r);
  for (const id of present.keys()) absent.delete(id);
  return { diagnoses: diagnosesAsWritten(ctx), present: [...present.values()], absent: [...absent.values()] };
}

/** "Diagnoses included neck pain, ..., and major depression." → each diagnosis as written. */
function diagnosesAsWritten(ctx: ExtractionContext): Found<string>[] {
  const out: Found<string>[] = [];
  const seen = new Set<string>();
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    const m = DIAGNOSIS_LIST.exec(s.text);
    if (!m) continue;
    const list = s.text.slice(m.index + m[0].length).replace(/\.$/, '').replace(/^["']|["']$/g, '');
    for (const d of splitList(list)) {
      const key = d.toLowerCase();
      if (d.length < 3 || d.length > 240 || seen.has(key)) continue;
      seen.add(key);
      out.push({ value: d, from: s });
    }
  }
  return out;
}

function splitList(list: string): string[] {
  const parts = list.includes(';') ? list.split(/\s*;\s*/) : list.split(/\s*,\s*/);
  const cleaned = parts.map((p) => p.replace(/^(?:and|or)\s+/i, '').replace(/^["']+|["']+$/g, '').trim()).filter(Boolean);
  // "a, b and c": the last comma-free "and" separates two diagnoses.
  const last = cleaned.at(-1);
  if (last && cleaned.length >= 2 && !list.includes(';') && / and /.test(last)) cleaned.splice(-1, 1, ...last.split(/ and /));
  return cleaned.map((p) => p.trim()).filter(Boolean);
}
