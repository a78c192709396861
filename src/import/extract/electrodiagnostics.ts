/**
 * The results of earlier electrodiagnostic studies (EMG, nerve conduction): "EMG/NCS of the upper
 * extremities dated 3/2/16 revealed mild bilateral carpal tunnel syndrome", "EMG confirmed median
 * neuropathy", "nerve conduction studies were normal". The general form is <study> <result verb>
 * <result>; a normal result documents the absence of abnormal electrodiagnostics, an abnormal one
 * their presence, and the result names what they showed (radiculopathy; carpal tunnel syndrome or
 * a median neuropathy at the wrist). A study requested or planned has no result to read.
 */
import type { TagReading } from './tag-reading.js';

const STUDY = /\b(?:EMGs?|NCSs?|NCVs?|EMG\s*\/\s*NC[SV]|NC[SV]\s*\/\s*EMG|EMG-NC[SV]|electromyogra\w+|nerve conduction(?: velocity)?(?: stud(?:y|ies)| tests?| testing)?|electrodiagnostic(?:s| stud(?:y|ies)| testing| tests?| evaluation)?)\b/gi;
const VERB = /^[^.;]{0,80}?\b(?:revealed|revealing|reveals|showed|showing|shows|demonstrated|demonstrating|demonstrates|indicated|indicates|confirmed|confirming|documented|noted|was (?:positive|negative|normal|abnormal|unremarkable)|were (?:positive|negative|normal|abnormal|unremarkable)|(?:was|were) (?:consistent|notable)|consistent with|evidence of|positive for|negative for|notable for|impression)\b/i;
const NORMAL = /^\W*(?:(?:a|an|the|was|were|is|are|to be|essentially|entirely|completely|reportedly|bilaterally)\s+)*(?:normal|unremarkable|negative|within normal limits|WNL|no (?:\w+\s+){0,2}(?:evidence|abnormalit\w+|findings?|signs?)|without (?:\w+\s+){0,2}(?:evidence|abnormalit\w+))\b/i;
const ABNORMAL = /\b(?:radiculopath\w+|neuropath\w+|carpal tunnel|cubital tunnel|tarsal tunnel|entrapment|denervation|fibrillations?|sharp waves|prolonged|delayed|slowing|slowed|reduced amplitude|decreased amplitude|abnormal\w*|positive|plexopath\w+|compression|impingement|myopath\w+|axonal|demyelinat\w+|chronic changes|acute changes)\b/i;
const RADICULOPATHY = /\bradiculopath\w+/i;
const CARPAL_TUNNEL = /\bcarpal tunnel\b|\bmedian (?:nerve )?(?:neuropathy|mononeuropathy|entrapment|compression)\b|\bmedian neuropathy\b/i;

/** The result written before the study: "a normal electrodiagnostic study of both legs". */
const NORMAL_BEFORE = /\b(?:normal|unremarkable|negative)\s+(?:[\w-]+\s+)?$/i;

export function electrodiagnosticReadings(text: string): TagReading[] {
  const out: TagReading[] = [];
  for (const m of text.matchAll(STUDY)) {
    const lead = NORMAL_BEFORE.exec(text.slice(Math.max(0, m.index - 30), m.index));
    if (lead) out.push({ id: 'abnormal_electrodiagnostics', present: false, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(STUDY)) {
    const after = text.slice(m.index + m[0].length);
    const verb = VERB.exec(after);
    if (!verb) continue;
    const result = (after.slice(verb[0].length).split(/[;]|\.\s|\b(?:but|however|although|whereas|while)\b/i)[0] ?? '');
    const resultWithVerb = verb[0].slice(-40) + result;
    const [start, end] = [m.index, m.index + m[0].length + verb[0].length + result.length];
    if (NORMAL.test(result) || /\b(?:was|were) (?:negative|normal|unremarkable)\s*$/i.test(verb[0])) {
      out.push({ id: 'abnormal_electrodiagnostics', present: false, start, end });
      if (RADICULOPATHY.test(result)) out.push({ id: 'electrodiagnostic_radiculopathy', present: false, start, end });
      continue;
    }
    if (!ABNORMAL.test(resultWithVerb)) continue;
    out.push({ id: 'abnormal_electrodiagnostics', present: true, start, end });
    if (RADICULOPATHY.test(result)) out.push({ id: 'electrodiagnostic_radiculopathy', present: true, start, end });
    if (CARPAL_TUNNEL.test(result)) out.push({ id: 'ncs_confirms_carpal_tunnel', present: true, start, end });
  }
  return out;
}
