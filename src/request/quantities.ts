/**
 * How much and how often a request asks for: amounts dispensed ("#90", "QTY: 2", "240 grams"),
 * refills, days of supply, dose frequency ("q8h", "TID", "every 4-6 hours"), session counts
 * ("12 sessions", "x 15 sessions", "fifteen visits"), rates ("2x/wk", "twice a week", "1-2 times a
 * week", "2x4"), durations ("for six weeks", "7-10 days", "2 month rental") and hours of service.
 * Patterns run in order on a masked line, each taking its words from the later ones.
 */
import type { ReadingPart } from '../model/case-schema.js';
import type { RequestVocabulary } from '../model/catalog-schema.js';
import type { MaskedText } from './masked-text.js';
import { NUM, RANGE, alternation, rangeOf, type Range } from './numbers.js';
import { toNumber } from '../catalog/number-words.js';

export interface Quantities {
  parts: ReadingPart[];
  /** "#90", "QTY: 2", "quantity 60" */
  marked?: number;
  /** an amount with its unit: "240 grams", "500ml" */
  amount?: number;
  refills?: number;
  daysSupply?: number;
  doseFrequency?: string;
  perWeek?: Range;
  /** "2x4": per week × weeks, for sessions */
  shorthand?: { perWeek: Range; weeks: Range };
  /** durations stated, in days, with whether they were stated in weeks */
  durations: { days: Range; weeks?: Range }[];
  /** session counts stated with a session word ("12 visits", "x 6 sessions") */
  counts: Range[];
  /** bare session marks ("x 6", "times 6") */
  marks: Range[];
  /** "One (1) x-ray", "1 knee scooter" */
  leadingCount?: number;
  hoursPerWeek?: number;
}

const PER = '(?:a|per|\\/|each|every|in\\s+a)';
const WEEK = '(?:weekly|weeks?|wks?)\\b';
const SESSION = '(?:sessions?|visits?|treatments?|appointments?)';
const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, week: 7, wk: 7, month: 30, mo: 30, year: 365, yr: 365 };

const grammarCache = new WeakMap<RequestVocabulary, Grammar>();
const PATTERN_NAMES = ['timing', 'supply', 'marked', 'refills', 'daysThenHours', 'hours', 'amount', 'leadingCount', 'everyHours', 'timesADay', 'frequencyWords', 'timesAWeek', 'onceTwiceAWeek', 'sessionsAWeek', 'shorthand', 'weekly', 'duration', 'countBefore', 'countAfterMark', 'countAfterWord', 'mark'] as const;
type PatternName = (typeof PATTERN_NAMES)[number];
/** Every pattern, built once per vocabulary (matchAll never moves a pattern's own position). */
type Grammar = Record<PatternName, RegExp>;

function grammarOf(v: RequestVocabulary): Grammar {
  let g = grammarCache.get(v);
  if (!g) {
    const amountUnits = alternation((v.units ?? []).filter((u) => u.measures === 'amount').flatMap((u) => u.names));
    const frequencyWords = alternation((v.dose_frequencies ?? []).flatMap((f) => f.names));
    const sources: Record<PatternName, string> = {
      daysThenHours: `${NUM}\\s*days?\\s*${PER}\\s*(?:week|wk)\\b\\s*,?\\s*(?:for\\s+|x\\s*)?${NUM}\\s*(?:hours?|hrs?)\\s*${PER}\\s*day\\b`,
      timing: `\\b(?:in|within|after)\\s+(?:${RANGE}|an?)[\\s-]*(?:days?|weeks?|wks?|months?|mos?)\\b`,
      supply: `\\b(?:days?[\\s-]*supply\\s*:?\\s*${NUM}|(?<!#\\s*)${NUM}[\\s-]*days?[\\s-]*supply)`,
      marked: `(?:#|\\bqty\\b\\.?\\s*:?|\\bquantity\\b\\s*:?|\\bdisp(?:ense)?\\b\\.?\\s*:?)\\s*(\\d+(?:\\.\\d+)?|${NUM})`,
      refills: `(?:\\b(?:with|plus|and)\\s+)?${NUM}\\s*(?:\\(\\s*\\d+\\s*\\)\\s*)?refills?\\b|\\brefills?\\s*(?:x|×|:|#)?\\s*${NUM}`,
      hours: `${NUM}\\s*(?:hours?|hrs?)\\s*${PER}\\s*(day|week|wk)\\b(?:\\s*,?\\s*(?:x\\s*)?${NUM}\\s*days?\\s*${PER}\\s*(?:week|wk)\\b)?`,
      amount: `${NUM}\\s*${amountUnits}(?![a-z])(?!\\s*\\/)`,
      leadingCount: `^\\s*${NUM}\\s*(?:\\(\\s*\\d+\\s*\\)\\s*)?(?=[a-z])`,
      everyHours: '\\b(?:q|every)\\s*\\d+(?:\\.\\d+)?(?:\\s*(?:-|to)\\s*\\d+(?:\\.\\d+)?)?\\s*(?:h|hr|hrs|hours?)\\b',
      timesADay: `(?:${NUM}|\\b(?:once|twice|thrice))\\s*(?:(?:x|×|times?)\\s*)?(?:${PER}\\s*day\\b|daily\\b)`,
      frequencyWords: `(?<![a-z0-9])${frequencyWords}(?![a-z0-9])`,
      timesAWeek: `${RANGE}\\s*(?:x|×|times?)\\s*(?:${PER}\\s*)?${WEEK}`,
      onceTwiceAWeek: `\\b(once|twice|thrice)\\s*(?:${PER}\\s*)?${WEEK}`,
      sessionsAWeek: `${RANGE}\\s*(?:${SESSION}|days?)\\s*${PER}\\s*(?:week|wk)\\b`,
      shorthand: '(?<![a-z0-9.#])(\\d)(?:\\s*-\\s*(\\d))?\\s*(?:x|×|times)\\s*(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?(?:\\s*(?:weeks?|wks?)\\b)?(?![0-9])(?!\\s*(?:mg|mcg|%|g\\b|gm|ml|days?|months?|hours?|hrs?|refills?|sessions?|visits?|treatments?))',
      weekly: '\\bweekly\\b',
      duration: `(?:\\b(?:for|x|×|times|over|during|lasting)\\s*)?(?:\\b(?:a|the)\\s+)?(?:period\\s+of\\s+)?(?:${RANGE}|(?<![a-z])(an?)(?![a-z]))[\\s-]*(days?|d|weeks?|wks?|months?|mos?|years?|yrs?)\\b`,
      countBefore: `${RANGE}\\s*(?:\\(\\s*\\d+\\s*\\)\\s*)?(?:(?:additional|more|further|extra)\\s+)?(?:[a-z/&-]+\\s+){0,4}?${SESSION}\\b`,
      countAfterMark: `(?:(?<![a-z])x|×|\\btimes)\\s*${NUM}\\s*${SESSION}\\b`,
      countAfterWord: `\\b${SESSION}\\s*[,:]?\\s*(?:#|x|×)?\\s*${NUM}`,
      mark: `(?:(?<![a-z])x|×|\\btimes)\\s*${NUM}(?!\\s*(?:mg|mcg|%|g\\b|gm|ml))`,
    };
    g = Object.fromEntries(Object.entries(sources).map(([k, x]) => [k, new RegExp(x, 'gi')])) as Grammar;
    grammarCache.set(v, g);
  }
  return g;
}

export function readQuantities(text: MaskedText, vocabulary: RequestVocabulary, sessionLike: boolean): Quantities {
  const g = grammarOf(vocabulary);
  const q: Quantities = { parts: [], durations: [], counts: [], marks: [] };
  const part = (role: ReadingPart['role'], value: string | number, m: RegExpExecArray) => {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    q.parts.push({ role, value, text: text.original.slice(m.index + lead, m.index + lead + body.length), start: m.index + lead, end: m.index + lead + body.length });
  };
  const P = g;
  const take: Take = (re, accept) => text.take(re, accept);

  // Days' supply before the quantity mark: "#60 day supply: 30" is 60 dispensed for 30 days.
  take(P.supply, (m) => {
    q.daysSupply ??= toNumber((m[1] ?? m[2])!);
    part('supply', q.daysSupply, m);
    return true;
  });
  take(P.marked, (m) => {
    const n = toNumber((m[1] ?? m[2])!);
    if (!Number.isFinite(n)) return false;
    q.marked ??= n;
    part('quantity', n, m);
    return true;
  });
  take(P.refills, (m) => {
    q.refills = toNumber((m[1] ?? m[2])!);
    part('refills', q.refills, m);
    return true;
  });
  // A dose frequency is kept as written ("TID", "q8hrs"): rules read it with their own table.
  readDoseFrequency(q, take, part, g, (m) => text.original.slice(m.index, m.index + m[0].length).trim());
  take(P.daysThenHours, (m) => {
    q.hoursPerWeek = toNumber(m[1]!) * toNumber(m[2]!);
    part('hours', q.hoursPerWeek, m);
    return true;
  });
  take(P.hours, (m) => {
    const hours = toNumber(m[1]!);
    q.hoursPerWeek = m[2]!.startsWith('day') ? hours * (m[3] ? toNumber(m[3]) : 7) : hours;
    part('hours', q.hoursPerWeek, m);
    return true;
  });
  readRates(q, take, part, sessionLike, g);
  readDurations(q, take, part, g);
  readCounts(q, take, part, sessionLike, g);
  take(P.amount, (m) => {
    const n = toNumber(m[1]!);
    q.amount ??= n;
    part('quantity', n, m);
    return true;
  });
  take(P.leadingCount, (m) => {
    q.leadingCount = toNumber(m[1]!);
    part('count', q.leadingCount, m);
    return true;
  });
  return q;
}

type Take = (re: RegExp, accept: (m: RegExpExecArray) => boolean) => void;
type Part = (role: ReadingPart['role'], value: string | number, m: RegExpExecArray) => void;

function readDoseFrequency(q: Quantities, take: Take, part: Part, P: Grammar, written: (m: RegExpExecArray) => string): void {
  const found = (m: RegExpExecArray) => {
    q.doseFrequency ??= written(m);
    part('dose_frequency', m[0].trim().toLowerCase(), m);
    return true;
  };
  take(P.everyHours, found);
  take(P.timesADay, found);
  take(P.frequencyWords, found);
}

function readRates(q: Quantities, take: Take, part: Part, sessionLike: boolean, P: Grammar): void {
  const rate = (r: Range | undefined, m: RegExpExecArray) => {
    if (!r) return false;
    q.perWeek ??= r;
    part('rate', r.min === r.max ? r.max : `${r.min}-${r.max}`, m);
    return true;
  };
  take(P.timesAWeek, (m) => rate(rangeOf(m[1], m[2]), m));
  take(P.onceTwiceAWeek, (m) => rate(rangeOf(String({ once: 1, twice: 2, thrice: 3 }[m[1]!.toLowerCase()]), undefined), m));
  take(P.sessionsAWeek, (m) => rate(rangeOf(m[1], m[2]), m));
  // "2x4", "2 x 6", "1 times 6", "1-2x4-6": per week × weeks, for sessions only.
  take(P.shorthand, (m) => {
    if (!sessionLike || q.shorthand) return false;
    q.shorthand = { perWeek: rangeOf(m[1], m[2])!, weeks: rangeOf(m[3], m[4])! };
    part('rate', m[2] ? `${m[1]}-${m[2]}` : Number(m[1]), m);
    return true;
  });
  take(P.weekly, (m) => rate({ min: 1, max: 1 }, m));
}

function readDurations(q: Quantities, take: Take, part: Part, P: Grammar): void {
  // "in 6 weeks", "within a month": when the next visit falls, not how long the request lasts.
  take(P.timing, () => true);
  take(P.duration, (m) => {
    const unit = m[4]!.toLowerCase().replace(/s$/, '');
    const perUnit = UNIT_DAYS[unit];
    const count = m[3] ? { min: 1, max: 1 } : rangeOf(m[1], m[2]);
    if (!perUnit || !count) return false;
    const days = { min: count.min * perUnit, max: count.max * perUnit };
    q.durations.push(unit === 'week' || unit === 'wk' ? { days, weeks: count } : { days });
    part('duration', days.min === days.max ? days.max : `${days.min}-${days.max}`, m);
    return true;
  });
}

function readCounts(q: Quantities, take: Take, part: Part, sessionLike: boolean, P: Grammar): void {
  const count = (r: Range | undefined, m: RegExpExecArray, into: Range[]) => {
    if (!r) return false;
    into.push(r);
    part('count', r.min === r.max ? r.max : `${r.min}-${r.max}`, m);
    return true;
  };
  take(P.countBefore, (m) => count(rangeOf(m[1], m[2]), m, q.counts));
  take(P.countAfterMark, (m) => count(rangeOf(m[1], undefined), m, q.counts));
  take(P.countAfterWord, (m) => count(rangeOf(m[1], undefined), m, q.counts));
  take(P.mark, (m) => sessionLike && count(rangeOf(m[1], undefined), m, q.marks));
}
