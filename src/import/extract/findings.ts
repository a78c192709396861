/**
 * Examination findings, symptoms and study results as finding tags: present, or documented absent.
 * The catalog's synonyms find most of them; examination tests ("straight leg raising", "Spurling's")
 * count only with their result, which a list may share ("positive Speed's, Yergason's and
 * O'Brien's tests"); strength grades, intact sensation, symmetric reflexes, a normal neurological
 * examination, limits on activity and mobility, and what imaging revealed are read here.
 * The latest statement about a finding wins, except that a negative one limited to a site ("no
 * tenderness over the lateral joint line") does not undo a finding made elsewhere.
 */
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import { assertionOf } from '../nlp/negation.js';
import type { TermHit } from '../nlp/lexicon.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';
import { courseReadings } from './course-of-care.js';
import { electrodiagnosticReadings } from './electrodiagnostics.js';
import { monitoringReadings } from './monitoring.js';
import { neuroReadings } from './neuro-findings.js';
import { plannedAt } from './tag-reading.js';
import { findingNamesSomethingElse } from './term-use.js';

export interface FindingFacts {
  present: Found<string>[];
  absent: Found<string>[];
}

/** Readings the synonyms cannot express: [pattern, finding tag, present?]. */
const READINGS: [RegExp, string, boolean][] = [
  [/\b(neurologically intact|neurovascularly intact|neurologic(?:al)? (?:exam(?:ination)?|status) (?:was |is )?(?:normal|intact|unremarkable|non-?focal|within normal limits)|no (?:focal )?neurologic(?:al)? deficits?)\b/i, 'neuro_deficit', false],
  [/\b(?:decreased|reduced|restricted|limited|diminished|loss of)\b[^.;]{0,45}?\brange of motion\b|\brange of motion\b[^.;]{0,45}?\b(?:decreased|reduced|restricted|limited|diminished)\b|\b(?:restricted|decreased|reduced|limited|diminished) (?:\w+ )?(?:flexion|extension|rotation|abduction|adduction|lateral bending|motion|mobility)\b/i, 'limited_range_of_motion', true],
  [/\bno (?:restriction|limitation|loss|decrease)s? (?:of|in) (?:the )?(?:\w+ )?range of motion\b|\b(?:full|normal) (?:\w+ )?range of motion\b|\brange of motion\b[^.;]{0,40}?\b(?:was|were|is|are)\s+(?:\w+ )?(?:noted |found )?(?:to be )?(?:full|normal|within normal limits)\b/i, 'limited_range_of_motion', false],
  [/\bshooting\b[^.;]{0,30}?\b(?:into|down|to)\b/i, 'radiating_pain', true],
  // Tenderness along a knee's joint line, in either order: "tenderness to palpation over the medial joint line".
  [/\btender\w*\b[^.;]{0,40}?\bjoint lines?\b/i, 'meniscal_signs', true],
  [/\b(?:struck|strikes|striking|hit|hitting|blow)\b[^.;]{0,40}?\b(?:on|to|in) (?:the|his|her|their) head\b/i, 'head_trauma', true],
  // Needs a person's help to move: "not able to transfer independently" (the inability is the finding).
  [/\b(?:unable|not able|cannot|can ?not|could not|inability)\s+to\s+(?:transfer|ambulate|walk|get around|move around)\b[^.;]{0,25}?\b(?:independently|without (?:assistance|help)|on (?:his|her|their) own|alone)\b|\b(?:requir\w+|need\w*|dependent)\s+(?:on\s+)?(?:\w+\s+)?(?:assistance|help)\s+(?:with|for)\s+(?:transfers?|transferring|ambulation|walking|mobility)\b/i, 'mobility_assistance_needed', true],
  // Limits on activities: "inability to ... perform the normal day to day tasks", "difficulty with
  // household chores", "unable to stand or sit for prolonged periods", "lifting remained problematic".
  [/\b(?:inability|unable|not able|difficult(?:y|ies)|trouble|limited|limitations?|problems?)\s+(?:to\s+|with\s+|in\s+)?(?:\w+\s+(?:and|or)\s+)?(?:perform(?:ing)?\s+|do(?:ing)?\s+|complet\w+\s+|carry(?:ing)? out\s+)?(?:(?:his|her|their|the|normal|usual|daily|day[- ]to[- ]day|household|basic|routine|self[- ]care)\s+)*(?:activities|tasks|chores|ADLs?)\b|\b(?:inability|unable|not able|difficulty|trouble)\s+(?:to\s+|with\s+)?(?:\w+\s+(?:and|or)\s+)?(?:stand|sit|walk|lift|bend|carry|climb|kneel|squat|grip|grasp|reach|push|pull|drive)(?:ing)?\b|\b(?:bending|lifting|walking|standing|sitting|pushing|pulling|carrying|reaching|kneeling|squatting|climbing|gripping)\b[^.;]{0,60}?\b(?:remain(?:s|ed)?|is|are|was|were)\s+(?:\w+\s+)?(?:problematic|difficult|limited|restricted)\b/i, 'activity_limitation', true],
  [/\b(?:inability|unable|not able|difficulty|cannot|can't|intoleran\w+)\s+(?:to\s+|of\s+|with\s+)?(?:\w+\s+(?:or|and)\s+)?(?:sit|sitting)\s+(?:for\s+)?(?:prolonged|long|extended)\s+(?:periods?|time|times)\b|\bprolonged sitting\s+(?:aggravates|worsens|increases|exacerbates)\b/i, 'prolonged_sitting_aggravates', true],
];

/** Motion measured against its normal: "flexion of 40/90 degrees", "extension of 20 degrees out of 30". */
const MEASURED_MOTION = /\b(?:flexion|extension|rotation|abduction|adduction|bending)\b[^.;]{0,20}?\b(\d{1,3})\s*(?:\/\s*(\d{2,3})\s*(?:degrees|°)|(?:degrees|°)?\s*out of\s*(\d{2,3}))/gi;

/** Walking a stated distance, or independently: not non-ambulatory. */
const WALKS = /\b(?:walk(?:s|ed|ing)?|ambulat(?:es|ed|ing))\b[^.;]{0,50}?\b\d+\s*(?:feet|ft|yards|meters|blocks)\b|\bambulat(?:es|ing)\s+(?:independently|without (?:an? )?(?:assistive device|assistance))|\bindependently ambulatory\b/i;
const INABILITY = /\b(?:unable|not able|cannot|can ?not|inability|difficulty)\b[^.;]{0,30}$/i;

export const EXAM = /\b(exam\w*|palpation|revealed|showed|assessment|objective|there (?:was|were|is|are)|noted|found|demonstrated|positive|negative)\b/i;
const SPASM = /\b(?:(?:muscle|paraspinal|paravertebral|paracervical|trapezius) )?(?:spasms?|hypertonicity|guarding)\b/i;

/** A sentence of complaints or diagnoses, not of examination: weakness there is a symptom. */
const COMPLAINT = /\b(complain\w*|c\/o|subjective|being treated for|undergoing treatment for|treated for)\b/i;
/** Findings that are objective examination signs only (a complaint of weakness is not one). */
const OBJECTIVE_ONLY = new Set(['neuro_deficit', 'weakness', 'sensory_deficit', 'reflex_deficit', 'atrophy']);


/** Findings that record something done (a test, a check, a signature): planned, they are not yet done, whatever the sentence. */
const RECORDED_ACTIONS = new Set(['urine_drug_screen_consistent', 'urine_drug_screen_inconsistent', 'opioid_agreement', 'cures_reviewed', 'opioid_risk_screening', 'baseline_functional_testing']);

/** A spinal level, as imaging reports walk through them. */
const SPINAL_LEVEL = /\b(?:[CTL]\d{1,2}\s*-\s*(?:[CTLS]?\d)|L5\s*-\s*S1|(?:cervical|thoracic|lumbar) \d)\b/i;

/** The sentence reports what a study showed. */
function studyReported(text: string): boolean {
  const study = STUDY.exec(text);
  return study !== null && RESULT_VERB.test(text.slice(study.index));
}

/** What a study revealed: the study named, then its verb, then the result. */
const STUDY = /\b(MRI|MR imaging|CT(?: scan)?|computed tomography|x-?rays?|radiographs?|plain films?|imaging|scan|myelogram|bone scan)\b/i;
const RESULT_VERB = /\b(?:revealed|revealing|reveals|showed|shows|showing|demonstrated|demonstrates|demonstrating|noted|confirmed|was notable for|consistent with|evidence of|impression)\b/i;
const FRACTURE = /\bfractures?\b/i;
const ROOT_COMPROMISE = /\b(?:nerve roots?|neural elements?)\b[^.;]{0,30}?\b(?:compress\w*|imping\w*|compromis\w*|contact\w*|abut\w*|effac\w*|displac\w*|encroach\w*)|\b(?:compress\w*|imping\w*|compromis\w*|contact\w*|abut\w*|effac\w*|displac\w*|encroach\w*|mass effect)\b[^.;]{0,40}?\b(?:exiting |traversing )?(?:[CLS]\d\s+)?nerve roots?\b/i;

export function extractFindings(ctx: ExtractionContext): FindingFacts {
  const latest = new Map<string, Found<string> & { present: boolean }>();
  const note = (id: string, present: boolean, s: SummarySentence, at?: number) => {
    const prior = latest.get(id);
    // One examination sentence may find a sign at one site and not at another: the finding stands.
    if (!present && prior?.present && (prior.from === s || (at !== undefined && limitedNegative(s.text, at)))) return;
    latest.set(id, { value: id, from: s, present });
  };
  let resultsGoOn = false;
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    const complaint = COMPLAINT.test(s.text) && !EXAM.test(s.text);
    const objectiveOnly = (id: string) => [...ctx.catalog.impliedBy('finding', id)].some((t) => OBJECTIVE_ONLY.has(t));
    for (const hit of ctx.lexicon.find(s.text, 'finding', { nested: true })) {
      if (findingNamesSomethingElse(s.text, hit, ctx.catalog)) continue;
      // In the plan, what is still to be done is not documented: "the plan is to have him sign a narcotic agreement".
      if ((s.role === 'request' || RECORDED_ACTIONS.has(hit.id)) && plannedAt(s.text, hit.start)) continue;
      const a = assertionOf(s.text, hit.start, hit.end);
      if (hit.test) {
        const result = testResult(s.text, hit);
        if (a === 'negated' || result === 'negative') note(hit.id, false, s, hit.end);
        else if (result === 'positive' && a === 'affirmed') note(hit.id, true, s);
        continue;
      }
      // A sign named in a list whose result follows: "Impingement sign (Hawkins) and O'Brien's test were negative".
      if (a === 'negated' || (a === 'affirmed' && testResult(s.text, hit, true) === 'negative')) note(hit.id, false, s, hit.end);
      else if (a === 'affirmed' && !(complaint && objectiveOnly(hit.id))) note(hit.id, true, s);
    }
    for (const [re, id, present] of READINGS) {
      const m = re.exec(s.text);
      if (!m || (present && complaint && objectiveOnly(id))) continue;
      // A reading that states a finding can still be denied or only suspected ("no difficulty with ADLs").
      if (present && assertionOf(s.text, m.index, m.index + m[0].length) !== 'affirmed') continue;
      note(id, present, s);
    }
    // Spasm or hypertonicity found on examination is a finding, not a diagnosis.
    const spasm = SPASM.exec(s.text);
    if (spasm && EXAM.test(s.text)) note('palpable_spasm', assertionOf(s.text, spasm.index, spasm.index + spasm[0].length) !== 'negated', s);
    for (const r of neuroReadings(s.text)) {
      if (r.present && complaint) continue;
      // A reading that states a deficit can still be denied or only suspected ("no dermatomal sensory loss").
      if (r.present && assertionOf(s.text, r.start, r.end) !== 'affirmed') continue;
      note(r.id, r.present, s, r.present ? undefined : r.end);
    }
    // What was done or found in the course of care: a denial documents its absence ("no opioid agreement was signed").
    for (const r of [...monitoringReadings(s.text), ...courseReadings(s.text, s.role, ctx.catalog), ...electrodiagnosticReadings(s.text)]) {
      const a = r.present ? assertionOf(s.text, r.start, r.end) : 'affirmed';
      if (a === 'affirmed') note(r.id, r.present, s, r.present ? undefined : r.end);
      else if (a === 'negated') note(r.id, false, s, r.end);
    }
    if ([...s.text.matchAll(MEASURED_MOTION)].some((m) => Number(m[1]) < Number(m[2] ?? m[3]))) note('limited_range_of_motion', true, s);
    const walks = WALKS.exec(s.text);
    if (walks && !INABILITY.test(s.text.slice(0, walks.index))) note('non_ambulatory', false, s);
    for (const [id, present, at] of studyResults(s.text, resultsGoOn)) note(id, present, s, at);
    // An imaging report goes on over the next sentences level by level: "At L3-4 there was ...".
    resultsGoOn = studyReported(s.text) || (resultsGoOn && SPINAL_LEVEL.test(s.text) && !STUDY.test(s.text));
  }
  const all = [...latest.values()];
  return {
    present: all.filter((f) => f.present).map(({ value, from }) => ({ value, from })),
    absent: all.filter((f) => !f.present).map(({ value, from }) => ({ value, from })),
  };
}

/**
 * The negative statement about the term ending at `at` is limited to a site ("was noted over the
 * left lateral joint line") or to a kind ("no acute fracture"): it does not undo a finding made elsewhere.
 */
function limitedNegative(text: string, at: number): boolean {
  const term = /[\w'-]+$/.exec(text.slice(0, at));
  if (term && /\b(?:acute|new|recent|displaced|significant|obvious|definite|further)\s+$/i.test(text.slice(0, term.index))) return true;
  const after = text.slice(at).split(/[.;,]|\b(?:but|however|and)\b/i)[0] ?? '';
  return /\b(?:over|at|along|around|about|on|of|in|to)\s+(?:the\s+)?(?:left|right|bilateral|medial|lateral|anterior|posterior)\b|\b(?:over|along|around|about|at)\s+the\s+(?!exam\w*|visit|time)\w+/i.test(after) || bodyRegionsIn(after, []).length > 0;
}

/**
 * The result of an examination test named without it: "positive" or "negative" before the test,
 * or before the list the test closes ("positive Speed's, Yergason's and O'Brien's tests"), or
 * "was positive" after it.
 */
function testResult(text: string, hit: TermHit, afterOnly = false): 'positive' | 'negative' | undefined {
  // After: "Phalen's and Tinel's tests were negative", "McMurray's test was positive".
  const after = /^(.{0,120}?)\b(?:was|were|is|are|tests?|signs?)\s+(?:(?:also|both|all|each|again|clearly|strongly|mildly|equivocally)\s+)?(positive|negative)\b/i.exec(text.slice(hit.end).split(/[.;]|\bbut\b/i)[0] ?? '');
  if (after && listOfNames(after[1]!)) return after[2]!.toLowerCase() as 'positive' | 'negative';
  if (afterOnly) return undefined;
  if (/^\s*(?:tests?\s+)?positive\b/i.test(text.slice(hit.end))) return 'positive';
  const before = text.slice(0, hit.start);
  if (/\+\s*$/.test(before)) return 'positive';
  // "The knee was stable to Lachman's and drawer testing": stable to a test is a negative test.
  if (/\bstable\s+(?:to|with|on)\s+(?:[\w'-]+(?:,\s*|\s+(?:and|or)\s+))*$/i.test(before)) return 'negative';
  let last: RegExpExecArray | undefined;
  for (const m of before.matchAll(/\b(positive|negative)\b/gi)) last = m as RegExpExecArray;
  if (!last) return undefined;
  const between = before.slice(last.index + last[0].length);
  if (/[.;:]|\b(?:but|however|while|whereas)\b/i.test(between)) return undefined;
  return listOfNames(between) ? (last[1]!.toLowerCase() as 'positive' | 'negative') : undefined;
}

/** Only names of tests may stand between a test and its result: short items joined by commas, "and" or "or". */
function listOfNames(between: string): boolean {
  return between.split(/,|\band\b|\bor\b/).map((i) => i.trim()).filter(Boolean).every((i) => i.split(/\s+/).length <= 5);
}

/**
 * Study results read as findings: "radiographs ... revealing for a fracture" (fracture_on_imaging;
 * "no acute fracture" is its absence), "MRI showed ... compressing the exiting L5 nerve root"
 * (imaging_nerve_root_compromise). The result must follow a study and its verb in the sentence.
 */
function studyResults(text: string, continued = false): [string, boolean, number][] {
  const study = STUDY.exec(text);
  const verb = study ? RESULT_VERB.exec(text.slice(study.index)) : null;
  if (!(study && verb) && !continued) return [];
  const from = study && verb ? study.index + verb.index + verb[0].length : 0;
  const out: [string, boolean, number][] = [];
  const read = (re: RegExp, id: string) => {
    const m = new RegExp(re.source, 'gi');
    for (const hit of text.slice(from).matchAll(m)) {
      const [start, end] = [from + hit.index, from + hit.index + hit[0].length];
      const a = assertionOf(text, start, end);
      if (a === 'affirmed') out.push([id, true, end]);
      else if (a === 'negated') out.push([id, false, end]);
    }
  };
  read(FRACTURE, 'fracture_on_imaging');
  read(ROOT_COMPROMISE, 'imaging_nerve_root_compromise');
  return out;
}
