/**
 * Findings about the course of care that rules ask for, in their general forms:
 *   treatment_goals:               "goals of treatment include ...", "functional goals", "the goal is to"
 *   pain_medication_reduced:       <reduce|decrease|taper|wean|cut down> [the|his] (use of) <pain medication | an analgesic>,
 *                                  or <pain medication (use)> was|has been <reduced|decreased|tapered>
 *   pain_medication_not_tolerated: <cannot|unable to> tolerate <medications>, intolerant of <medications>,
 *                                  <medication> stopped because of <side effects>
 *   invasive_procedure_planned:    a procedure or surgery the plan, a request line or the summary's
 *                                  request sentences name as planned, scheduled or requested
 * Flare-ups are catalog names ("flare-up", "exacerbation", "recurrence of symptoms").
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { DisputedItem } from '../../model/case-schema.js';
import type { SentenceRole } from './context.js';
import { mentionsIn } from './mentions.js';
import type { TagReading } from './tag-reading.js';

const GOALS = /\b(?:(?:specific|functional|treatment|therapy|therapeutic|rehabilitation|short[- ]term|long[- ]term|short[- ] and long[- ]term|measurable|realistic)\s+)+goals?\b|\bgoals?\s+(?:of|for)\s+(?:the\s+)?(?:treatment|therapy|care|the (?:unit|program|sessions?))\b|\b(?:the|his|her|their)\s+goals?\s+(?:is|are|was|were|include[sd]?)\b|\bgoals?\s+(?:include[sd]?|are|were)\b/gi;
const MEDS = String.raw`(?:(?:pain|opioid|narcotic|oral|analgesic|prescription)\s+)?(?:medications?|meds|medicines?|opioids?|narcotics?|analgesics?|pills|NSAIDs?|anti-?inflammator(?:y|ies)(?: (?:medications?|drugs))?)`;
const REDUCE = String.raw`(?:reduc\w*|decreas\w*|lower\w*|cut (?:back|down)(?: on)?|taper\w*|wean\w*|minimi[sz]\w*)`;
const REDUCED = new RegExp(String.raw`\b${REDUCE}\s+(?:(?:in|of|on|off)\s+)?(?:(?:his|her|their|the)\s+)?(?:(?:use|intake|dose|dosage|amount) of\s+)?${MEDS}\b|\b${MEDS}(?:\s+(?:use|intake|consumption|requirements?|usage))?\s+(?:(?:has|have|had)\s+(?:been\s+)?|was\s+|were\s+|is\s+|are\s+)?(?:being\s+)?(?:reduced|decreased|lowered|tapered|cut (?:back|down))\b|\bless\s+${MEDS}\b`, 'gi');
/** Before an analgesic's name: "reduced his Norco", "tapering the tramadol dose". */
const REDUCE_BEFORE = new RegExp(String.raw`\b${REDUCE}\s+(?:(?:his|her|their|the)\s+)?(?:(?:use|intake|dose|dosage|amount) of\s+)?$`, 'i');
const REDUCE_AFTER = /^\s*(?:(?:dose|dosage|use|intake)\s+)?(?:(?:has|have|had)\s+(?:been\s+)?|was\s+|were\s+|is\s+)?(?:being\s+)?(?:reduced|decreased|lowered|tapered|cut (?:back|down))\b/i;
/** Around an analgesic's name: "could not tolerate Norco", "tramadol was not tolerated". */
const INTOLERANT_BEFORE = /\b(?:(?:unable to|cannot|can ?not|could not|couldn't|does not|did not|doesn't)\s+tolerate|intoleran\w+\s+(?:to|of|with))\s+(?:(?:his|her|their|the)\s+)?$/i;
const INTOLERANT_AFTER = /^\s*(?:\S+\s+){0,3}?(?:(?:was|were|is|are)\s+not\s+tolerated|intoleran\w+)\b/i;
const NOT_TOLERATED = new RegExp(String.raw`\b(?:unable to|cannot|can ?not|could not|couldn't|does not|did not|doesn't)\s+tolerate\s+(?:(?:his|her|their|the|any|most|oral|these)\s+)*${MEDS}|\bintoleran\w+\s+(?:to|of|with)\s+(?:(?:his|her|their|the|any|oral)\s+)*${MEDS}|\b${MEDS}\s+(?:intoleran\w+|(?:are|were|was|is)\s+not\s+tolerated)|\b(?:stopped|discontinued|could not continue|unable to continue)\s+(?:(?:his|her|their|the)\s+)?${MEDS}\b[^.;]{0,30}\b(?:due to|because of|secondary to)\s+(?:\w+\s+){0,2}(?:side effects?|intolerance|adverse|GI upset|stomach upset|nausea|vomiting|drowsiness|sedation|dizziness)`, 'gi');
/** Medication tolerated: "was able to tolerate oral medications", "tolerates his medications well". */
const TOLERATED = new RegExp(String.raw`\b(?<!not |unable |un)(?:able to|can|does|did)\s+tolerate\s+(?:(?:his|her|their|the|oral|these)\s+)*${MEDS}|\btolerat(?:es|ing|ed)\s+(?:(?:his|her|their|the|oral)\s+)*${MEDS}\s+(?:well|without)`, 'gi');
const PLAN_WORDS = /\b(?:plan\w*|schedul\w+|request\w*|recommend\w*|propos\w+|candidate for|will (?:undergo|proceed|have|receive)|to proceed with|awaiting|pending|authorization for|set up for|referred for)\b/i;
/** A request for what was already done ("Retrospective: ... (DOS 12-13-2016)") plans nothing. */
const RETROSPECTIVE = /\bretro\w*|\bDOS\b|\bdates? of service\b/i;
/** Classes that name an invasive procedure without saying which ("surgery", "spinal injection"). */
const INVASIVE_CLASSES: ReadonlySet<string> = new Set(['spinal_injection', 'facet_procedure', 'surgery', 'spine_surgery', 'fusion']);
const INVASIVE_KINDS = new Set(['procedure', 'surgery']);

export function courseReadings(text: string, role: SentenceRole, catalog: Catalog): TagReading[] {
  const out: TagReading[] = [];
  // Cheap probes first: most sentences name no goal, no reduction and no intolerance.
  if (/goal/i.test(text)) for (const m of text.matchAll(GOALS)) out.push({ id: 'treatment_goals', present: true, start: m.index, end: m.index + m[0].length });
  const reducing = /reduc|decreas|lower|cut (?:back|down)|taper|wean|minimi|less/i.test(text);
  const tolerating = /tolera|stopped|discontinu/i.test(text);
  if (reducing) for (const m of text.matchAll(REDUCED)) out.push({ id: 'pain_medication_reduced', present: true, start: m.index, end: m.index + m[0].length });
  if (tolerating) for (const m of text.matchAll(NOT_TOLERATED)) out.push({ id: 'pain_medication_not_tolerated', present: true, start: m.index, end: m.index + m[0].length });
  if (tolerating) for (const m of text.matchAll(TOLERATED)) out.push({ id: 'pain_medication_not_tolerated', present: false, start: m.index, end: m.index + m[0].length });
  const mentions = reducing || tolerating ? mentionsIn(text, catalog) : [];
  for (const m of mentions) {
    if (!catalog.isA(m.id, 'analgesic')) continue;
    if (REDUCE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || REDUCE_AFTER.test(text.slice(m.end, m.window[1] + 40))) {
      out.push({ id: 'pain_medication_reduced', present: true, start: m.start, end: m.end });
    }
    // The reading starts where its words do, so that "could not tolerate" is not read as a denial.
    const lead = INTOLERANT_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
    if (lead) out.push({ id: 'pain_medication_not_tolerated', present: true, start: Math.max(0, m.start - 40) + lead.index, end: m.end });
    else if (INTOLERANT_AFTER.test(text.slice(m.end, m.window[1] + 30))) out.push({ id: 'pain_medication_not_tolerated', present: true, start: m.start, end: m.end });
  }
  // A procedure or surgery named in a sentence of the plan, with a word that plans it.
  if (role === 'request' && PLAN_WORDS.test(text) && !RETROSPECTIVE.test(text)) {
    for (const m of mentionsIn(text, catalog, INVASIVE_CLASSES)) {
      if (m.entry ? INVASIVE_KINDS.has(m.entry.kind) : true) out.push({ id: 'invasive_procedure_planned', present: true, start: m.start, end: m.end });
    }
  }
  return out;
}

/** The first disputed item that is a procedure or surgery still to be done (not a retrospective request): it is planned. */
export function plannedByRequest(items: readonly DisputedItem[], catalog: Catalog): number {
  return items.findIndex((it) => !it.retrospective && it.treatment !== undefined && INVASIVE_KINDS.has(catalog.treatment(it.treatment)?.kind ?? ''));
}
