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
import { alternation, numberPatterns, rangeOf, type NumberPatterns, type Range } from './numbers.js';
import { numberWordsIn, toNumber } from '../catalog/number-words.js';

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

const PATTERN_NAMES = ['timing', 'supply', 'marked', 'refills', 'daysThenHours', 'hours', 'amount', 'leadingCount', 'everyHours', 'timesADay', 'frequencyWords', 'timesAWeek', 'onceTwiceAWeek', 'sessionsAWeek', 'shorthand', 'weekly', 'duration', 'countBefore', 'countAfterMark', 'countAfterWord', 'mark'] as const;
type PatternName = (typeof PATTERN_NAMES)[number];

const SESSION_WORDS = ['session', 'visit', 'treatment', 'appointment'];
const WEEK_WORDS = ['week', 'wk'];
const TIMES_SIGNS = ['x', '×', 'times'];
/**
 * Words every match of a pattern contains, one of each group at least: a line without them is
 * not run through the pattern (nor is the pattern compiled for it). Masking only blanks, so what
 * the line lacks at first it lacks throughout.
 */
const NEEDS: Partial<Record<PatternName, readonly (readonly string[])[]>> = {
  timing: [['day', 'week', 'wk', 'mo']],
  supply: [['supply']],
  marked: [['#', 'qty', 'quantity', 'disp']],
  refills: [['refill']],
  daysThenHours: [['day'], ['hour', 'hr'], WEEK_WORDS],
  hours: [['hour', 'hr'], ['day', ...WEEK_WORDS]],
  everyHours: [['q', 'every'], ['h'], [...'0123456789']],
  timesADay: [['day', 'daily']],
  timesAWeek: [WEEK_WORDS, ['x', '×', 'time']],
  onceTwiceAWeek: [['once', 'twice', 'thrice'], WEEK_WORDS],
  sessionsAWeek: [WEEK_WORDS],
  shorthand: [TIMES_SIGNS, [...'0123456789']],
  weekly: [['weekly']],
  countBefore: [SESSION_WORDS],
  countAfterMark: [TIMES_SIGNS, SESSION_WORDS],
  countAfterWord: [SESSION_WORDS],
  mark: [TIMES_SIGNS],
};

/**
 * The pattern sources for the number words a line contains (see `numberPatterns`); each pattern
 * is compiled the first time a line needs it, and kept (matchAll never moves a pattern's own
 * position).
 */
class Grammar {
  private readonly compiled: Partial<Record<PatternName, RegExp>> = {};

  constructor(private readonly sources: Record<PatternName, string>) {}

  pattern(name: PatternName): RegExp {
    return (this.compiled[name] ??= new RegExp(this.sources[name], 'gi'));
  }
}

/** Grammars by vocabulary and by the number words of the line; a handful in practice, bounded. */
const grammarCache = new WeakMap<RequestVocabulary, { amountUnits: string; frequencyWords: string; byWords: Map<string, Grammar> }>();
const MAX_GRAMMARS = 256;

function grammarOf(v: RequestVocabulary, words: readonly string[] | undefined): Grammar {
  let forVocabulary = grammarCache.get(v);
  if (!forVocabulary) {
    forVocabulary = {
      amountUnits: alternation((v.units ?? []).filter((u) => u.measures === 'amount').flatMap((u) => u.names)),
      frequencyWords: alternation((v.dose_frequencies ?? []).flatMap((f) => f.names)),
      byWords: new Map(),
    };
    grammarCache.set(v, forVocabulary);
  }
  const key = words?.join(' ') ?? '*';
  let g = forVocabulary.byWords.get(key);
  if (!g) {
    if (forVocabulary.byWords.size >= MAX_GRAMMARS) forVocabulary.byWords.clear();
    g = new Grammar(sourcesOf(numberPatterns(words), forVocabulary.amountUnits, forVocabulary.frequencyWords));
    forVocabulary.byWords.set(key, g);
  }
  return g;
}

function sourcesOf({ NUM, RANGE }: NumberPatterns, amountUnits: string, frequencyWords: string): Record<PatternName, string> {
  return {
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
}

/**
 * The quantities of a line. The grammar is narrowed to the line (only the number words it contains,
 * only the patterns whose words it has); `narrow: false` runs the whole grammar instead, every
 * pattern, the reference the narrowing is tested against (it must read every line the same).
 */
export function readQuantities(text: MaskedText, vocabulary: RequestVocabulary, sessionLike: boolean, narrow = true): Quantities {
  const line = text.rest;
  const g = grammarOf(vocabulary, narrow ? numberWordsIn(line) : undefined);
  const q: Quantities = { parts: [], durations: [], counts: [], marks: [] };
  const part = (role: ReadingPart['role'], value: string | number, m: RegExpExecArray) => {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    q.parts.push({ role, value, text: text.original.slice(m.index + lead, m.index + lead + body.length), start: m.index + lead, end: m.index + lead + body.length });
  };
  const take: Take = (name, accept) => {
    if (narrow && NEEDS[name]?.every((group) => group.some((w) => line.includes(w))) === false) return;
    text.take(g.pattern(name), accept);
  };

  // Days' supply before the quantity mark: "#60 day supply: 30" is 60 dispensed for 30 days.
  take('supply', (m) => {
    q.daysSupply ??= toNumber((m[1] ?? m[2])!);
    part('supply', q.daysSupply, m);
    return true;
  });
  take('marked', (m) => {
    const n = toNumber((m[1] ?? m[2])!);
    if (!Number.isFinite(n)) return false;
    q.marked ??= n;
    part('quantity', n, m);
    return true;
  });
  take('refills', (m) => {
    q.refills = toNumber((m[1] ?? m[2])!);
    part('refills', q.refills, m);
    return true;
  });
  // A dose frequency is kept as written ("TID", "q8hrs"): rules read it with their own table.
  readDoseFrequency(q, take, part, (m) => text.original.slice(m.index, m.index + m[0].length).trim());
  take('daysThenHours', (m) => {
    q.hoursPerWeek = toNumber(m[1]!) * toNumber(m[2]!);
    part('hours', q.hoursPerWeek, m);
    return true;
  });
  take('hours', (m) => {
    const hours = toNumber(m[1]!);
    q.hoursPerWeek = m[2]!.startsWith('day') ? hours * (m[3] ? toNumber(m[3]) : 7) : hours;
    part('hours', q.hoursPerWeek, m);
    return true;
  });
  readRates(q, take, part, sessionLike);
  readDurations(q, take, part);
  readCounts(q, take, part, sessionLike);
  take('amount', (m) => {
    const n = toNumber(m[1]!);
    q.amount ??= n;
    part('quantity', n, m);
    return true;
  });
  take('leadingCount', (m) => {
    q.leadingCount = toNumber(m[1]!);
    part('count', q.leadingCount, m);
    return true;
  });
  return q;
}

type Take = (pattern: PatternName, accept: (m: RegExpExecArray) => boolean) => void;
type Part = (role: ReadingPart['role'], value: string | number, m: RegExpExecArray) => void;

function readDoseFrequency(q: Quantities, take: Take, part: Part, written: (m: RegExpExecArray) => string): void {
  const found = (m: RegExpExecArray) => {
    q.doseFrequency ??= written(m);
    part('dose_frequency', m[0].trim().toLowerCase(), m);
    return true;
  };
  take('everyHours', found);
  take('timesADay', found);
  take('frequencyWords', found);
}

function readRates(q: Quantities, take: Take, part: Part, sessionLike: boolean): void {
  const rate = (r: Range | undefined, m: RegExpExecArray) => {
    if (!r) return false;
    q.perWeek ??= r;
    part('rate', r.min === r.max ? r.max : `${r.min}-${r.max}`, m);
    return true;
  };
  take('timesAWeek', (m) => rate(rangeOf(m[1], m[2]), m));
  take('onceTwiceAWeek', (m) => rate(rangeOf(String({ once: 1, twice: 2, thrice: 3 }[m[1]!.toLowerCase()]), undefined), m));
  take('sessionsAWeek', (m) => rate(rangeOf(m[1], m[2]), m));
  // "2x4", "2 x 6", "1 times 6", "1-2x4-6": per week × weeks, for sessions only.
  take('shorthand', (m) => {
    if (!sessionLike || q.shorthand) return false;
    q.shorthand = { perWeek: rangeOf(m[1], m[2])!, weeks: rangeOf(m[3], m[4])! };
    part('rate', m[2] ? `${m[1]}-${m[2]}` : Number(m[1]), m);
    return true;
  });
  take('weekly', (m) => rate({ min: 1, max: 1 }, m));
}

function readDurations(q: Quantities, take: Take, part: Part): void {
  // "in 6 weeks", "within a month": when the next visit falls, not how long the request lasts.
  take('timing', () => true);
  take('duration', (m) => {
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

function readCounts(q: Quantities, take: Take, part: Part, sessionLike: boolean): void {
  const count = (r: Range | undefined, m: RegExpExecArray, into: Range[]) => {
    if (!r) return false;
    into.push(r);
    part('count', r.min === r.max ? r.max : `${r.min}-${r.max}`, m);
    return true;
  };
  take('countBefore', (m) => count(rangeOf(m[1], m[2]), m, q.counts));
  take('countAfterMark', (m) => count(rangeOf(m[1], undefined), m, q.counts));
  take('countAfterWord', (m) => count(rangeOf(m[1], undefined), m, q.counts));
  take('mark', (m) => sessionLike && count(rangeOf(m[1], undefined), m, q.marks));
}
