/**
 * The treatment history: medications (with strength, form, start or duration, whether still
 * taken), therapies (sessions completed) and classes of care ("failed NSAIDs", "anti-epilepsy
 * medication"), each with how it went: pain relief, functional improvement, failure, side effects.
 * What the summary says is requested or planned is not history, unless it continues current use
 * ("refills of Flexeril, Motrin, and tramadol") or starts a drug for the first time ("a first-time
 * request for Naprosyn": the drug is not in use yet, recorded as `current: false`). What is still
 * to come ("awaiting to hear when he can start physical therapy", "would rather take Norco") and
 * drugs injected as a procedure ("injected with lidocaine/dexamethasone") are not history either.
 */
import type { TreatmentHistoryEntry } from '../../model/case-schema.js';
import type { Route } from '../../model/vocabulary.js';
import { findDates } from '../nlp/dates.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';
import { clauseAround, mentionsIn, type Mention } from './mentions.js';
import { FUNCTION, PAIN_RELIEF, readResponse } from './treatment-response.js';

export type TreatmentFound = Found<TreatmentHistoryEntry> & { also: SummarySentence[] };

const NOT_TRIED = /\b(no|never|not had|has not had|have not had|had not had|did not (?:have|receive|attend|undergo|try|go to|start|begin)|not (?:yet )?(?:tried|received|attended|undergone|started|begun|begin)|yet to (?:start|begin|attend|receive|undergo)|without)\s+(?:any |prior |previous |formal |the |a |an |his |her |their )*$/i;
const HISTORY_KINDS = new Set(['drug', 'compound', 'therapy']);

const CURRENT = /\b(current(?:ly)?|depend(?:s|ed|ing|ent)? on|rel(?:ies|ying|ied) on|medications? listed|with the use of|continu(?:es|ed|ing|e)?(?! to (?:have|experience|report|complain|note|suffer|feel|endorse|describe))(?!\s+(?:despite|in spite of|after|even with))|is (?:taking|on|using|utilizing|receiving)|was (?:taking|using|utilizing|on|receiving)|(?:reportedly|remains|remained) on|medications? (?:include[sd]?|list|regimen)|medication list|other medications|takes|taking|uses|using|utilizes|utilizing|refill(?:s|ed)?|renew(?:ed|al)?|maintained on|has been (?:on|taking|using)|as needed|prn)\b/i;
/**
 * A therapy still under way, in words that stand by its name: "is attending physical therapy",
 * "currently in chiropractic care", "started a course of acupuncture", "ongoing physical therapy"
 * (only articles and words of a course between), "physical therapy is ongoing", "so far" (after it).
 */
const ONGOING_BEFORE = /\b(?:(?:has |have |had )?(?:started|begun|began|commenced)|(?:currently|presently|still|now)\s+(?:\w+\s+)?(?:attending|in|receiving|undergoing|doing|participating in|going to|getting)|(?:is|are|has been|have been)\s+(?:currently\s+)?(?:attending|receiving|undergoing|doing|participating in|going to|getting|in)|ongoing|continuing|current)\s+(?:(?:a|an|the|his|her|their|formal|outpatient|supervised|some|more|additional|regular|course of|sessions? of|visits? of|program of|with)\s+){0,3}$/i;
const ONGOING_AFTER = /^\s*(?:\S+\s+){0,3}?(?:(?:is|are|remains?)\s+(?:ongoing|in progress|continuing)|so far|thus far)\b/i;
/** A course that is over: "completed a course of physical therapy", "finished the program". */
const COURSE_DONE = /\b(?:completed|finished|concluded)\s+(?:a|an|the|his|her|their|all)\s+(?:[\w-]+\s+){0,2}?(?:course|program|trial|sessions|visits)\b/i;
const STOPPED = /\b(discontinu(?:ed|ation|e|ing)|stopped|no longer (?:taking|using|on)|ceased|weaned off|tapered off)\b/i;
/** "down considerably with the use of A, B, and C": better with each treatment of the list that follows. */
const BETTER_WITH = /\b(?:down|better|improved|improvement|decreased|reduced|lower|less|relieved|controlled)\b[^.;]{0,30}?\b(?:with|from|by)\s+(?:the\s+)?(?:use of\s+|taking\s+)?$/i;
/** Words that continue a treatment already in use. */
const CONTINUES = /\bcontinu\w+(?! to (?:have|experience|report|complain|note|suffer|feel|endorse|describe))|\brefill\w*|\brenew\w*|\bongoing\b|recently prescribed|medications? (?:have |has )?included/i;
/** A drug started at the requesting visit: the case format records it as not in use yet. */
const FIRST_TIME = /\b(?:for the first time|first[- ]time|newly (?:prescribed|started|initiated)|new (?:prescription|start)|initial prescription|(?:noted|started|began|begin|initiated|initiate|prescribed|recommended|recommends|start) (?:a |an )?(?:new )?trial of)\b/i;
/** A plan that starts a drug: "discontinuation of Tramadol and starting Tylenol #3", "was started on Lyrica and a request was made". */
const START_IN_PLAN = /\b(?:start(?:ing|ed)?|begin(?:ning)?|began|initiat(?:e|ed|ing)|add(?:ing|ed)?)\s+(?:him\s+|her\s+|the patient\s+)?(?:on\s+)?(?:an?\s+)?(?:trial of\s+)?$/i;
/** Not attended: "appointments were scheduled but the injured worker did not go". */
const NOT_ATTENDED = /\b(?:did not|didn't|has not|have not|had not|never|failed to)\s+(?:attend\w*|show up|go to (?:the |his |her |any |these |those )?(?:appointments?|sessions?|visits?|therapy))\b|\bno[- ]shows?\b/i;
/** Still to come: "awaiting to hear when he can start physical therapy", "would rather take Norco". */
const FUTURE = /\b(?:await\w*|(?:will|would|can|could|shall|is to|are to|was to|plans? to|planning to|going to)\s+(?:start|begin|initiate|commence|undergo|try|attend|take|use|receive|have|get)|would (?:rather|prefer|like to)|wants? to (?:try|start|take)|wishes to (?:try|start|take))\b[^.;]*$/i;
/** Only list separators between two mentions: ", ", " and ", ", and ". */
const SEPARATORS = /^\s*(?:,|and|or|&|\/|\s)*\s*$/i;
const VISITS = /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty|twenty-four)\s+(?:prior |previous |completed |additional |authorized |approved )?(?:\w+\s+){0,2}?(sessions?|visits?|treatments?)\b/i;
const DURATION = /\bfor (?:at least |about |approximately |over |more than |the past |the last )?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|several)\s+(weeks?|months?|years?)\b/i;
const SINCE = /\bsince (?:at least )?/i;
const WORDS: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, 'twenty-four': 24,
};
const STRENGTH = /^\s*(?:\([^)]*\)\s*)?(?:[A-Za-z]+\s+){0,2}?(\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*\s*(?:mg|mcg|%|g|ml|units?)\b)/i;

export function extractTreatments(ctx: ExtractionContext): TreatmentFound[] {
  const byKey = new Map<string, TreatmentFound>();
  ctx.sentences.forEach((s, i) => {
    if (s.role === 'review') return;
    const regimenContinues = planContinuesRegimen(ctx.sentences, i);
    const mentions = mentionsIn(s.text, ctx.catalog);
    const continued = continuedMentions(s.text, mentions, regimenContinues);
    mentions.forEach((m, k) => {
      if (m.entry && !HISTORY_KINDS.has(m.entry.kind)) return;
      const before = s.text.slice(clauseStart(s.text, m.start), m.start);
      const firstTime = isDrug(m) && (FIRST_TIME.test(clauseAround(s.text, m.start, m.end)) || (s.role === 'request' && START_IN_PLAN.test(before)));
      // The mention's own words: from the previous name (or the clause start) to the end of its window.
      const local = s.text.slice(Math.max(mentions[k - 1]?.end ?? 0, clauseStart(s.text, m.start)), m.window[1]);
      if (!continued[k] && !firstTime && !pastUse(s.text, m, local) && (s.role === 'request' || FUTURE.test(before))) return;
      // A steroid or anaesthetic injected is part of an injection procedure, not a medication taken.
      if (m.entry?.kind === 'drug' && ['corticosteroid', 'local_anesthetic'].some((c) => ctx.catalog.isA(m.id, c)) && injected(s.text, m)) return;
      const alone = mentions.filter((o) => clauseAround(s.text, o.start, o.end) === clauseAround(s.text, m.start, m.end)).length === 1;
      const entry = entryFor(s, m, alone, continued[k]! && s.role === 'request', local);
      if (!entry) return;
      if (firstTime && !continued[k] && entry.response !== 'not_tried') entry.current = false;
      const better = betterWith(s.text, mentions, k);
      if (better === 'pain') entry.pain_relief ??= true;
      else if (better && !entry.response) entry.response = 'effective';
      const key = `${entry.treatment}|${entry.route ?? ''}`;
      const prior = byKey.get(key) ?? byKey.get(`${entry.treatment}|`);
      if (prior) {
        merge(prior.value, entry);
        if (prior.from !== s && !prior.also.includes(s)) prior.also.push(s);
      } else byKey.set(key, { value: entry, from: s, also: [] });
    });
    carryBenefit(ctx.sentences, i, mentions, byKey);
  });
  return [...byKey.values()];
}

/**
 * A benefit told in the next sentence, which names no treatment, is the benefit of the one
 * treatment that helped in this sentence: "Six acupuncture visits have helped. She can grip
 * with less pain." (pain relief from acupuncture).
 */
function carryBenefit(sentences: readonly SummarySentence[], i: number, mentions: readonly Mention[], byKey: Map<string, TreatmentFound>): void {
  const next = sentences[i + 1];
  if (!next || next.role === 'review' || mentions.length !== 1) return;
  const helped = [...byKey.values()].filter((t) => t.value.treatment === mentions[0]!.id && (t.value.response === 'effective' || t.value.response === 'partial'));
  if (helped.length !== 1) return;
  if (/\b(?:medications?|therapy|treatment|injections?)\b/i.test(next.text)) return;
  const t = helped[0]!;
  const relief = PAIN_RELIEF.exec(next.text);
  const fn = FUNCTION.exec(next.text);
  if (relief && assertionOf(next.text, relief.index, relief.index + relief[0].length) === 'affirmed') t.value.pain_relief ??= true;
  else if (fn && assertionOf(next.text, fn.index, fn.index + fn[0].length) === 'affirmed') t.value.functional_improvement ??= true;
  else return;
  t.also.push(next);
}

/** "Continue (the) current medications (regimen)" in the plan. */
const CONTINUE_REGIMEN = /\bcontinu\w+\s+(?:with\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:current|present|same|usual)\s+(?:medications?|meds|regimen|medication regimen|treatment)\b/i;

/**
 * The plan this sentence belongs to says to continue the current regimen: a later sentence of the
 * same plan (the run of request sentences it stands in) says so, or this one does. Then every drug
 * the plan names is a continuation: "Recommendations include prescriptions for A, B and C. ...
 * Continue the current medication regimen."
 */
function planContinuesRegimen(sentences: readonly SummarySentence[], i: number): boolean {
  if (sentences[i]!.role !== 'request') return false;
  for (let j = i; j < sentences.length && (j === i || sentences[j]!.role === 'request' || CONTINUE_REGIMEN.test(sentences[j]!.text)); j++) {
    if (CONTINUE_REGIMEN.test(sentences[j]!.text)) return true;
  }
  return false;
}

/** "injected with 5 cc lidocaine/dexamethasone", "Toradol 60 mg injection". */
function injected(text: string, m: Mention): boolean {
  return /\binject\w*\b[^.;]{0,60}$/i.test(text.slice(Math.max(0, m.start - 70), m.start)) || /^[^,;]{0,20}\binject/i.test(text.slice(m.end, m.window[1] + 12));
}

function isDrug(m: Mention): boolean {
  return m.entry === undefined || m.entry.kind === 'drug' || m.entry.kind === 'compound';
}

/**
 * Which drug mentions a continuation word governs: the word just before the name ("refill
 * Robaxin"), after it in its own words ("Flexeril was renewed"), or before a list the name belongs
 * to ("refills of Flexeril, Motrin, and tramadol"); every drug when the next sentences continue the
 * current regimen. Therapies are not "refilled": the word does not carry over to them.
 */
function continuedMentions(text: string, mentions: readonly Mention[], regimenContinues: boolean): boolean[] {
  const out: boolean[] = [];
  mentions.forEach((m, k) => {
    const prev = mentions[k - 1];
    const from = Math.max(prev ? prev.end : 0, clauseStart(text, m.start));
    const between = text.slice(from, m.start);
    // A therapy is continued in so many words ("continue physical therapy"), never refilled.
    if (!isDrug(m)) return void out.push(/\bcontinu\w+\s+(?:with\s+)?(?:\w+\s+){0,2}$|\bongoing\s+$/i.test(between));
    const own = text.slice(m.end, m.window[1]);
    const listed = prev !== undefined && out[k - 1] === true && from === prev.end && SEPARATORS.test(text.slice(prev.window[1], m.start));
    out.push(regimenContinues || CONTINUES.test(between) || CONTINUES.test(own) || listed);
  });
  return out;
}

/**
 * "down considerably with the use of Wellbutrin, Trazodone, and counseling": each treatment of the
 * list after the words helped ('pain' when what got better is the pain: that is pain relief).
 */
function betterWith(text: string, mentions: readonly Mention[], k: number): 'pain' | 'general' | undefined {
  // Walk back over the list: each earlier item ends (its window) where only separators lead to the next.
  let first = k;
  while (first > 0 && SEPARATORS.test(text.slice(mentions[first - 1]!.window[1], mentions[first]!.start))) first--;
  const lead = text.slice(clauseStart(text, mentions[first]!.start), mentions[first]!.start);
  const m = BETTER_WITH.exec(lead);
  if (!m) return undefined;
  return /\bpain\b/i.test(lead.slice(Math.max(0, m.index - 30))) ? 'pain' : 'general';
}

/** Where the clause holding `at` starts. */
function clauseStart(text: string, at: number): number {
  let from = 0;
  for (const m of text.slice(0, at).matchAll(/[;:]|\.\s|\b(?:but|however|although|whereas|while|which)\b/gi)) from = m.index + m[0].length;
  return from;
}

/** Whether a request sentence also reports past use ("previously tried", "failed", "discontinuation of X"). */
function pastUse(text: string, m: Mention, local: string): boolean {
  return /\b(previously|prior|past|tried|failed|had been|has been on|completed|attended|underwent|received)\b/i.test(clauseAround(text, m.start, m.end)) || STOPPED.test(local);
}

function entryFor(s: SummarySentence, m: Mention, alone: boolean, continued: boolean, local: string): TreatmentHistoryEntry | undefined {
  const text = s.text;
  const assertion = assertionOf(text, m.start, m.end);
  if (assertion === 'uncertain' || assertion === 'other') return undefined;
  // Not tried only when said so right before the name ("no prior chiropractic therapy", "has not had PT");
  // "has not seemed to improve with physical therapy" is a failed trial, read below.
  // "7/10 without Celebrex" rates the pain off the drug; it does not say the drug was never taken.
  const lead = text.slice(Math.max(0, m.start - 40), m.start);
  const notTried = NOT_TRIED.test(lead) && !/\d\s*\/\s*10\s+without\s+$/i.test(lead);
  const window = text.slice(m.window[0], m.window[1]);
  const clause = clauseAround(text, m.start, m.end);
  const e: TreatmentHistoryEntry = { treatment: m.id };
  if (notTried || NOT_ATTENDED.test(text.slice(m.end))) {
    e.response = 'not_tried';
    return e;
  }
  const strength = STRENGTH.exec(text.slice(m.end, m.window[1]))?.[1];
  const form = formOf(window);
  e.as_written = [m.name, strength, form && new RegExp(`\\b${form}\\b`, 'i').test(m.name) ? undefined : form].filter(Boolean).join(' ');
  if (strength) e.strength = strength.replace(/\s+/g, ' ');
  const route = routeOf(window);
  if (route) e.route = route;
  // Stopped in its own words ("discontinuation of Tramadol"), or in a clause about it alone.
  if (STOPPED.test(local) || (alone && STOPPED.test(clause))) e.current = false;
  else if (continued || CURRENT.test(clause)) e.current = true;
  // "6 sessions of chiropractic through 12-29-2016": the course ran to that date.
  const through = /\b(?:through|until|till|ending)\s+(?:on\s+)?/i.exec(window);
  if (through) {
    const d = findDates(window.slice(through.index))[0];
    if (d && d.start <= through[0].length + 1) e.end = d.iso;
  }
  const since = SINCE.exec(window);
  if (since) {
    const d = findDates(window.slice(since.index))[0];
    if (d && d.start <= since[0].length + 2) e.start = d.iso;
  }
  const duration = DURATION.exec(window);
  if (duration && !e.start) e.duration_weeks = weeks(duration[1]!, duration[2]!);
  // How it went: read from the mention's own words, or its clause when it is the only treatment there.
  const from = clauseStart(text, m.start);
  const next = text.slice(from + clause.length, from + clause.length + 80);
  readResponse(alone ? clause : window, e, text.slice(from, m.start), alone ? next : '');
  if (m.entry?.kind === 'therapy' || !m.entry) {
    const v = visitsNear(text, m);
    if (v) e.visits = v.done;
    // A therapy under way, or part of a course done so far ("has completed 4 of 8 sessions"); a course completed is over.
    if (e.current === undefined && m.entry?.kind === 'therapy') {
      if (COURSE_DONE.test(clause) || (v?.of !== undefined && v.done >= v.of && /\bcomplet\w*|\bfinish\w*/i.test(clause))) e.current = false;
      else if (ONGOING_BEFORE.test(text.slice(clauseStart(text, m.start), m.start)) || ONGOING_AFTER.test(text.slice(m.end, m.end + 40)) || (v?.of !== undefined && v.done < v.of && /\b(?:has|have)\b/i.test(clause))) e.current = true;
    }
  }
  return e;
}

const COUNT = String.raw`(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty(?:-four)?)`;
/** "N (out) of M": N done of a course of M, before the name ("4 of 8 physical therapy sessions") or after it ("PT, 4 of 8 visits"). */
const OUT_OF_BEFORE = new RegExp(String.raw`\b${COUNT}\s+(?:out\s+)?of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+)?(\d{1,3})\s+(?:[\w-]+\s+){0,3}?$`, 'i');
const OUT_OF_AFTER = new RegExp(String.raw`^[^.;]{0,25}?\b${COUNT}\s+(?:out\s+)?of\s+(?:the\s+)?(\d{1,3})\s+(?:sessions?|visits?|treatments?)\b`, 'i');

/**
 * Sessions completed, written next to the therapy ("12 sessions of physical therapy", "PT x 6
 * visits"), and the course they belong to when written "N (out) of M": the first number is what
 * was done, the second what was prescribed or authorized.
 */
function visitsNear(text: string, m: Mention): { done: number; of?: number } | undefined {
  const before = text.slice(Math.max(0, m.start - 50), m.start);
  const near = new RegExp(String.raw`${COUNT}\s+(?:prior |previous |completed |sessions? of |visits? of |treatments? of )+(?:\w+\s+)?$`, 'i').exec(before);
  const after = VISITS.exec(text.slice(m.end, m.window[1]));
  // "6 chiropractic therapy visits": the count before the name, the unit right after it.
  const around = /^\s*(?:sessions?|visits?|treatments?)\b/i.test(text.slice(m.end)) || /\b(?:sessions?|visits?|treatments?)$/i.test(m.name) ? new RegExp(String.raw`\b${COUNT}\s+(?:prior |previous |completed |additional )?$`, 'i').exec(before) : null;
  const outOf = OUT_OF_BEFORE.exec(before) ?? OUT_OF_AFTER.exec(text.slice(m.end, m.window[1] + 30));
  const raw = outOf?.[1] ?? near?.[1] ?? around?.[1] ?? after?.[1];
  if (raw === undefined) return undefined;
  const n = WORDS[raw.toLowerCase()] ?? Number(raw);
  if (!(Number.isInteger(n) && n > 0 && n < 200)) return undefined;
  return outOf ? { done: n, of: Number(outOf[2]) } : { done: n };
}

function formOf(window: string): string | undefined {
  return /\b(cream|gel|ointment|lotion|patch(?:es)?|tablets?|capsules?|injections?|suspension|solution|spray)\b/i.exec(window)?.[1]?.toLowerCase();
}

function routeOf(window: string): Route | undefined {
  if (/\b(IV|intravenous|infusions?)\b/.test(window)) return 'intravenous';
  if (/\b(cream|gel|ointment|lotion|patch(?:es)?|topical)\b/i.test(window)) return 'topical';
  if (/\b(injections?|injectable|inj)\b/i.test(window)) return 'injection';
  if (/\b(oral(?:ly)?|tablets?|tabs?|capsules?|po)\b/i.test(window)) return 'oral';
  return undefined;
}

function weeks(n: string, unit: string): number {
  const count = WORDS[n.toLowerCase()] ?? (n.toLowerCase() === 'several' ? 3 : Number(n));
  const per = /^week/i.test(unit) ? 1 : /^month/i.test(unit) ? 52 / 12 : 52;
  return Math.round(count * per * 10) / 10;
}

function merge(into: TreatmentHistoryEntry, e: TreatmentHistoryEntry): void {
  if (e.current !== undefined && into.current !== true) into.current = e.current;
  if (e.pain_relief !== undefined && into.pain_relief !== true) into.pain_relief = e.pain_relief;
  if (e.functional_improvement !== undefined && into.functional_improvement !== true) into.functional_improvement = e.functional_improvement;
  if (e.adverse_effects) into.adverse_effects = true;
  if (e.symptoms_persist !== undefined && into.symptoms_persist !== true) into.symptoms_persist = e.symptoms_persist;
  if (e.response && (!into.response || into.response === 'not_tried' || e.response === 'failed' || e.response === 'intolerant')) into.response = e.response;
  if (e.visits !== undefined) into.visits = Math.max(into.visits ?? 0, e.visits);
  if (e.start && (!into.start || e.start < into.start)) into.start = e.start;
  if (e.end && (!into.end || e.end > into.end)) into.end = e.end;
  if (e.duration_weeks !== undefined) into.duration_weeks = Math.max(into.duration_weeks ?? 0, e.duration_weeks);
  into.strength ??= e.strength;
  into.route ??= e.route;
  if (!into.as_written || (e.as_written && e.as_written.length > into.as_written.length)) into.as_written = e.as_written ?? into.as_written;
}
