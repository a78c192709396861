/**
 * How long the symptoms have lasted, as the summary states it. The general forms:
 *   <symptom> ... for|over [at least|more than|the past] <N> <unit>      "low back pain for the past 3 months"
 *   a <N>-<unit> history of <symptom>  |  <N> <units> of <symptom>        "a 6-month history of neck pain"
 *   <symptom> began|started <N> <units> ago                               "the numbness began 2 weeks ago"
 *   <symptom> ... since <date | month [year] | year | the injury | then>   "pain since March 2016"
 *   ongoing|persistent ... for over a year                                 (the first form)
 * Every reading is a lower bound ("over a year" is 52 weeks, "since March" counts from the end of
 * March). A duration that belongs to a treatment, a work status or a plan ("Norco for 6 months",
 * "off work for 3 weeks", "therapy twice a week for 4 weeks") is not the symptoms'.
 */
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import type { SymptomDuration } from '../../model/case-schema.js';
import { findDates } from '../nlp/dates.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';
import { mentionsIn } from './mentions.js';

const SYMPTOM_WORDS = String.raw`(?:pain|painful|symptoms?|symptomatic|complaints?|numbness|tingling|paresthesias?|weakness|discomfort|ache|aching|stiffness|headaches?|radiculopathy|sciatica|swelling|spasms?|burning|soreness|instability|locking|giving way)`;
const SYMPTOM = new RegExp(String.raw`\b${SYMPTOM_WORDS}\b`, 'i');
const COUNT = String.raw`(\d{1,3}(?:\.\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|several|a few|a couple of|many|multiple)`;
const UNIT = String.raw`(days?|weeks?|wks?|months?|mos?|years?|yrs?)`;
const HEDGE = String.raw`(?:(?:at least|about|approximately|approx\.?|around|roughly|nearly|almost|more than|over|greater than|well over|the (?:past|last|previous|prior)|a period of|a total of|an?)\s+)*`;

/** "for the past 3 months", "over a year", "x 6 weeks", "for the past year" (one), "for years" (two at least). */
const FOR = new RegExp(String.raw`\b(?:for|over|x|during|lasting)\s+${HEDGE}(?:${COUNT}\s+(?:[\w-]+\s+)?${UNIT}\b|(years|months|weeks)\b|(year|month|week)\b)`, 'gi');
/** "a 6-month history of", "6 months of neck pain", "began 2 weeks ago". */
const HISTORY = new RegExp(String.raw`\b${COUNT}[- ]${UNIT}[- ](?:history|hx)\s+of\b|\b${COUNT}\s+${UNIT}\s+of\s+(?:\w+\s+){0,3}?(?=${SYMPTOM_WORDS}\b)`, 'gi');
/** "began 2 weeks ago", "first noticed pain in the elbow about 3 years ago", "About 4 months ago she had pain". */
const AGO = new RegExp(String.raw`\b(?:(?:began|begun|started|start|onset|developed|noticed|noted|experienced|felt|since)\s+(?:[\w-]+\s+){0,6}?)?${HEDGE}${COUNT}\s+${UNIT}\s+ago\b`, 'gi');
const SINCE = /\bsince\s+(?:at least\s+|about\s+|approximately\s+)?(?:the\s+)?/gi;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_YEAR = /^(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:,?\s+(?:of\s+)?(\d{4}))?|(\d{4}))\b/i;
const SINCE_EVENT = /^(?:(?:date of |day of |time of (?:the )?|his |her |their |original |industrial |work |[\w-]+ )?(?:injury|accident|incident|fall|trauma)|then|that time|that date)\b/i;
/** Words that make a duration someone's work, a plan, a schedule, or the time things were better. */
const NOT_SYMPTOMS = /\b(?:better|improved|relieved|resolved|gone|free|relief)\s*$|\b(?:work(?:ed|ing)?|employ\w*|job|duty|disability|TTD|times?|x)\s+(?:a |per |\/)?(?:week|day|month)?\s*$|\b(?:times? (?:a|per) week|\/week|\/wk|weekly|daily|follow[- ]?up|return|recheck|re-?evaluat\w*|scheduled|requested?|authorized|certified|rental|supply|off (?:of )?work|worked|employed|disability|restrictions?)\b[^.;]{0,25}$/i;
const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, eighteen: 18, twenty: 20, thirty: 30, several: 3, 'a few': 2, 'a couple of': 2, many: 2, multiple: 2,
};

export function extractSymptomDurations(ctx: ExtractionContext, injuryDate?: string): Found<SymptomDuration>[] {
  const out: Found<SymptomDuration>[] = [];
  ctx.sentences.forEach((s, i) => {
    if (s.role === 'review') return;
    const noteDate = dateOfNote(s, ctx.sentences[i - 1], injuryDate);
    for (const d of durationsIn(s, ctx, injuryDate, ctx.sentences[i - 1])) {
      if (noteDate && d.weeks !== undefined && !d.onset) d.as_of = noteDate;
      out.push({ value: d, from: s });
    }
  });
  return out;
}

function durationsIn(s: SummarySentence, ctx: ExtractionContext, injuryDate: string | undefined, previous: SummarySentence | undefined): SymptomDuration[] {
  const text = s.text;
  const found: SymptomDuration[] = [];
  const add = (m: RegExpMatchArray, d: Omit<SymptomDuration, 'as_written'>, where: SymptomAt = 'before') => {
    if (!belongsToSymptoms(text, m.index!, m.index! + m[0].length, ctx, where)) return;
    const regions = bodyRegionsIn(clauseAround(text, m.index!), []);
    found.push({ ...d, ...(regions.length > 0 ? { body_region: regions } : {}), as_written: m[0].trim() });
  };
  for (const m of text.matchAll(FOR)) {
    const weeks = m[1] ? toWeeks(m[1], m[2]!) : m[3] ? toWeeks('two', m[3]) : toWeeks('one', m[4]!);
    if (weeks !== undefined) add(m, { weeks });
  }
  for (const m of text.matchAll(HISTORY)) {
    const weeks = toWeeks(m[1] ?? m[3]!, m[2] ?? m[4]!);
    if (weeks !== undefined) add(m, { weeks }, 'after');
  }
  for (const m of text.matchAll(AGO)) {
    const weeks = toWeeks(m[1]!, m[2]!);
    if (weeks !== undefined) add(m, { weeks }, 'either');
  }
  for (const m of text.matchAll(SINCE)) {
    const end = m.index + m[0].length;
    const rest = text.slice(end);
    const date = findDates(rest)[0];
    const month = MONTH_YEAR.exec(rest);
    const event = SINCE_EVENT.exec(rest);
    const span = (len: number): RegExpMatchArray => Object.assign([text.slice(m.index, end + len)] as [string], { index: m.index });
    let onset: string | undefined;
    let len = 0;
    if (date && date.start === 0) [onset, len] = [date.iso, date.end];
    else if (event) {
      len = event[0].length;
      // "Since then": the last date written before it, in this sentence or the one before.
      onset = /^(?:then|that time|that date)/i.test(event[0]) ? lastWrittenDate(text.slice(0, m.index)) ?? lastWrittenDate(previous?.text ?? '') : injuryDate;
    } else if (month) {
      len = month[0].length;
      onset = endOf(month[1], month[2] ?? month[3], latestDate(text) ?? latestDate(previous?.text ?? ''));
    }
    if (onset) add(span(len), { onset }, 'either');
  }
  return found;
}

/**
 * The duration is the symptoms': a symptom word owns it (the nearest of the symptoms and
 * treatments named before it in its clause; the first named after "history of"), the symptom is
 * affirmed, and the words before it are not a schedule, a work status or a plan. "Norco for pain
 * for 6 months": the pain is what Norco is for, and the months are Norco's.
 */
function belongsToSymptoms(text: string, start: number, end: number, ctx: ExtractionContext, where: SymptomAt): boolean {
  const clauseStart = Math.max(0, ...[...text.slice(0, start).matchAll(/[;:]|\.\s|\b(?:but|however|although|whereas|while|which)\b/gi)].map((m) => m.index + m[0].length));
  const before = text.slice(clauseStart, start);
  if (NOT_SYMPTOMS.test(before)) return false;
  // "medication therapy including Robaxin since 11-8-16": the treatment just before the words owns them.
  if (mentionsIn(before, ctx.catalog).some((m) => /^[\s,]*(?:\S+\s+){0,1}$/.test(before.slice(m.end)))) return false;
  const symptom = where === 'after' ? undefined : lastMatch(SYMPTOM, before);
  if (!symptom) {
    if (where === 'before') return false;
    // "a 6-month history of neck pain", "Since then, he has been in severe pain", "first noticed pain ...
    // 3 years ago": the symptom follows in the clause, or stands inside the words of the duration.
    const from = where === 'either' ? start : end;
    const after = text.slice(from).split(/[;:]|\.\s|\b(?:but|however|although|whereas)\b/i)[0] ?? '';
    const next = SYMPTOM.exec(after);
    return next !== null && assertionOf(text, from + next.index, from + next.index + next[0].length) === 'affirmed' && !mentionsIn(after.slice(0, next.index), ctx.catalog).length;
  }
  const [sStart, sEnd] = [clauseStart + symptom.index, clauseStart + symptom.index + symptom[0].length];
  if (assertionOf(text, sStart, sEnd) !== 'affirmed') return false;
  const treatments = mentionsIn(before, ctx.catalog);
  const nearer = treatments.some((m) => m.start >= symptom.index + symptom[0].length);
  const purpose = treatments.some((m) => m.end <= symptom.index && /^\s*(?:for|to treat|to help(?: with)?|to control|to manage)\s+(?:[\w-]+\s+){0,3}$/i.test(before.slice(m.end, symptom.index)));
  return !nearer && !purpose && !/\b(?:medications?|therapy|treatment|sessions?|visits?|injections?)\b/i.test(before.slice(symptom.index + symptom[0].length));
}

/** Where the symptom a duration belongs to is written: before it, after it ("history of"), or either ("since"). */
type SymptomAt = 'before' | 'after' | 'either';

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(new RegExp(re.source, 'gi'))) last = m as RegExpExecArray;
  return last;
}

function clauseAround(text: string, at: number): string {
  const from = Math.max(0, ...[...text.slice(0, at).matchAll(/[;]|\.\s/g)].map((m) => m.index + m[0].length));
  const stop = text.slice(at).search(/[;]|\.\s/);
  return text.slice(from, stop < 0 ? text.length : at + stop);
}

function toWeeks(count: string, unit: string): number | undefined {
  const n = WORDS[count.toLowerCase()] ?? Number(count);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const u = unit.toLowerCase();
  const per = u.startsWith('d') ? 1 / 7 : u.startsWith('w') ? 1 : u.startsWith('m') ? 52 / 12 : 52;
  return Math.round(n * per * 10) / 10;
}

/**
 * The last day of the month (or year) named: the latest onset the words allow. A month without a
 * year is the latest such month before the note's date; without a note date it cannot be placed.
 */
function endOf(month: string | undefined, year: string | undefined, note: string | undefined): string | undefined {
  const m = month ? MONTHS.indexOf(month.slice(0, 3).toLowerCase()) : 11;
  let y = year ? Number(year) : note ? Number(note.slice(0, 4)) : undefined;
  if (y === undefined) return undefined;
  if (!year && note && `${y}-${String(m + 1).padStart(2, '0')}` >= note.slice(0, 7)) y -= 1;
  const end = new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10);
  return note && end >= note ? undefined : end;
}

function lastWrittenDate(text: string): string | undefined {
  return findDates(text).at(-1)?.iso;
}

function latestDate(text: string): string | undefined {
  return findDates(text).map((d) => d.iso).sort().at(-1);
}

/** The date of the note a sentence reports: a date of its own, else one in the sentence before (not the injury's). */
function dateOfNote(s: SummarySentence, previous: SummarySentence | undefined, injuryDate: string | undefined): string | undefined {
  const own = findDates(s.text).filter((d) => d.iso !== injuryDate && !/\bsince\s+(?:\w+\s+){0,2}$/i.test(s.text.slice(0, d.start)));
  if (own.length > 0) return own.map((d) => d.iso).sort().at(-1);
  if (previous?.role === 'review') return undefined;
  return findDates(previous?.text ?? '').map((d) => d.iso).filter((d) => d !== injuryDate).sort().at(-1);
}
