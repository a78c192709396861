/**
 * The claim's dates. The header, when there is one, is the record of the claim (injury, UR
 * denial, assignment, decision); the summary gives the injury date of earlier letters, the
 * request for authorization, the UR decision and the visits. A summary injury date that differs
 * from the header's is kept as evidence only.
 */
import type { LetterHeader } from '../letter/header.js';
import { findDates } from '../nlp/dates.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';

export interface ClaimDates {
  injury?: Found<string> | { value: string; from: 'header' };
  /** a summary injury date that disagrees with the header */
  otherInjury?: Found<string>;
  request?: Found<string>;
  ur_denial?: Found<string> | { value: string; from: 'header' };
  assigned?: string;
  decision?: string;
  last_visit?: Found<string>;
}

const INJURY = /\b(injury|injuries|date of injury|DOI|occupational claim|claim (?:for|from))\b/i;
const RFA = /\b(request for authorization|RFA|authorization (?:form|request)|request(?:ed)? for authorization)\b/i;
const UR = /\b(utilization review|UR)\b.*\b(denied|non-?certified|modified|determined|non-?certif)|\b(denied|non-?certified|modified)\b.*\b(utilization review|UR)\b|\b(utilization review|UR)\b (?:report |letter )?dated/i;
const PLAN = /\b(request(?:ed|s)?|treatment plan|plan (?:of care )?(?:included|includes|was|is)|recommend(?:ed|s|ations?)?|prescribed|proposed|sought|ordered)\b/i;
const VISIT = /\b(visit|evaluat|examin|presented|progress (?:report|note)|office note|follow[- ]up|consult|reported|complain|seen|assessment|notes? dated|reports? dated|encounter|re-?evaluat|re-?examin|on \S+, (?:the|she|he))/i;

export function extractClaimDates(ctx: ExtractionContext, header: LetterHeader): ClaimDates {
  const out: ClaimDates = {};
  if (header.assigned) out.assigned = header.assigned;
  if (header.decision) out.decision = header.decision;
  if (header.ur_denial) out.ur_denial = { value: header.ur_denial, from: 'header' };
  const injury = summaryInjury(ctx.sentences);
  if (header.injury) {
    out.injury = { value: header.injury, from: 'header' };
    if (injury && injury.value !== header.injury) out.otherInjury = injury;
  } else if (injury) out.injury = injury;
  const injuryDate = out.injury?.value;

  // The visit the summary is describing: a request made "at" it without a date of its own is dated by it.
  let visit: Found<string> | undefined;
  let planned: Found<string> | undefined;
  for (const s of ctx.sentences) {
    const dates = findDates(s.text).filter((d) => d.iso !== injuryDate);
    if (s.role === 'request' && PLAN.test(s.text)) {
      const own = s.role === 'request' && dates.length > 0 ? dates.map((d) => d.iso).sort().at(-1)! : undefined;
      if (own) planned = { value: own, from: s };
      else if (visit) planned = { value: visit.value, from: visit.from };
    }
    if (dates.length === 0) continue;
    if (s.role !== 'review' && VISIT.test(s.text) && !INJURY.test(s.text)) visit = { value: dates.map((d) => d.iso).sort().at(-1)!, from: s };
    if (!out.request && RFA.test(s.text)) {
      const d = dateNear(s.text, dates, RFA);
      if (d) out.request = { value: d, from: s };
    }
    if (!header.ur_denial && UR.test(s.text)) {
      const d = dateNear(s.text, dates, /\b(utilization review|UR|denied|non-?certified|modified)\b/i);
      if (d && !out.ur_denial) out.ur_denial = { value: d, from: s };
    }
    if (s.role !== 'review' && VISIT.test(s.text) && !INJURY.test(s.text) && !/\b(MRI|CT|x-?rays?|EMG|NCS|NCV|scan|surgery|underwent)\b/i.test(s.text)) {
      const latest = dates.map((d) => d.iso).sort().at(-1)!;
      if (!out.last_visit || latest > out.last_visit.value) out.last_visit = { value: latest, from: s };
    }
  }
  // Without a dated request for authorization, the request is dated by the visit that made it.
  if (!out.request && planned) out.request = planned;
  return out;
}

function summaryInjury(sentences: SummarySentence[]): Found<string> | undefined {
  for (const s of sentences.slice(0, 4)) {
    if (!INJURY.test(s.text)) continue;
    const d = dateNear(s.text, findDates(s.text), INJURY);
    if (d) return { value: d, from: s };
  }
  return undefined;
}

/** The date written closest after the cue (else before it). */
function dateNear(text: string, dates: { iso: string; start: number }[], cue: RegExp): string | undefined {
  const m = cue.exec(text);
  if (!m) return dates[0]?.iso;
  const after = dates.find((d) => d.start >= m.index);
  return (after ?? dates.at(-1))?.iso;
}

