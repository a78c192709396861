/**
 * Reads a request line as written ("Flexeril 7.5 mg one (1) q8hrs #90", "Physical therapy 2 times a
 * week for 3 weeks for lumbar") into normalised item fields. Only what the text states is returned;
 * anything it does not state stays absent.
 */
import type { DisputedItem } from '../model/case-schema.js';
import type { BodyRegion, Route } from '../model/vocabulary.js';
import type { Catalog } from './catalog.js';
import { NUMBER_WORDS, toNumber } from './number-words.js';
import { parseSpinalLevels } from './spine.js';

export type ParsedRequest = Omit<Partial<DisputedItem>, 'request' | 'actual' | 'expect' | 'records_show'>;

const NUM = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;

const TOPICAL = /\b(cream|gel|ointment|lotion|patch(es)?|topical|pads?|spray|rub|liniment|balm)\b/i;
const FORMS = /\b(cream|gel|ointment|lotion|patch|tablet|tab|capsule|cap|suspension|solution|pad|vial|spray)(?:es|s)?\b/i;
/** Words that make a request an injection. */
const INJECTION = /\b(inj|injections?|injected|injectable)\b/i;

const REGION_WORDS: [RegExp, BodyRegion][] = [
  [/\b(lumbar|lumbosacral|low back|lower back|l-?spine)\b/i, 'lumbar'],
  [/\b(cervical|neck|c-?spine)\b/i, 'cervical'],
  [/\b(thoracic|t-?spine|mid back|upper back)\b/i, 'thoracic'],
  [/\bshoulders?\b/i, 'shoulder'],
  [/\belbows?\b/i, 'elbow'],
  [/\bforearms?\b/i, 'forearm'],
  [/\bwrists?\b/i, 'wrist'],
  [/\b(carpal|distal radius|radial styloid)\b/i, 'wrist'],
  [/\b(hands?|fingers?|thumbs?)\b/i, 'hand'],
  [/\bhips?\b/i, 'hip'],
  [/\bknees?\b/i, 'knee'],
  [/\bankles?\b/i, 'ankle'],
  [/\b(foot|feet|toes?|heel)\b/i, 'foot'],
  [/\b(head|brain|skull|scalp|face|facial)\b/i, 'head'],
  [/\b(upper extremit(y|ies)|upper limbs?|arms?|UEs?|[RL]UE|BUE)\b/i, 'upper_extremity'],
  [/\b(lower extremit(y|ies)|lower limbs?|legs?|LEs?|[RL]LE|BLE)\b/i, 'lower_extremity'],
  [/\bsacroiliac|\bSI joint/i, 'sacroiliac'],
];

export function parseRequest(text: string, catalog: Catalog): ParsedRequest {
  const out: ParsedRequest = {};
  const drugs = catalog.findNames(text);
  const named = drugs.map((d) => d.entry);
  const compoundEntry = named.find((e) => e.kind === 'compound');
  const drugNames = named.filter((e) => e.kind === 'drug');
  // One drug named twice ("Diazepam (Valium)") is one drug, not a compound.
  const distinctDrugs = [...new Set(drugNames.map((e) => e.id))];
  if (steroidInjection(text, named, catalog)) {
    // "injection 5cc of lidocaine ... and 1cc of dexamethasone ... to the right knee": a corticosteroid
    // injection (the local anaesthetic is its vehicle), not a compounded product.
    out.treatment = 'corticosteroid_injection';
  } else if (compoundEntry) {
    out.treatment = compoundEntry.id;
  } else if (distinctDrugs.length > 1 && /\/|\band\b|,/.test(text)) {
    // Several drugs in one product ("Flurbiprofen 10%/Lidocaine 5%") make a compound.
    out.ingredients = distinctDrugs;
  } else if (new Set(named.map((e) => e.id)).size > 1 && named.every((e) => e.kind === 'diagnostic' || e.kind === 'imaging') && sharedClass(named)) {
    // "EMG and NCV of ...": two different studies of one kind are that kind of study.
    out.treatment = sharedClass(named);
  } else if (named[0]) {
    out.treatment = named[0].id;
  }

  const route = routeOf(text, drugNames.length > 0 || compoundEntry !== undefined);
  if (route) out.route = route;
  const form = FORMS.exec(text)?.[1]?.toLowerCase();
  if (form) out.form = form === 'tab' ? 'tablet' : form === 'cap' ? 'capsule' : form;
  const strength = /(\d+(?:\.\d+)?\s*(?:mg|mcg)\s*\/\s*\d*(?:\.\d+)?\s*ml\b|\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)*\s*(?:mg\/ml|mg|mcg|%|percent\b|units?\b))/i.exec(text)?.[1];
  if (strength) out.strength = strength.replace(/\s+/g, '');
  const quantity = /(?:#|qty:?|quantity:?)\s*(\d+(?:\.\d+)?)/i.exec(text) ?? /\b(\d+(?:\.\d+)?)\s*(?:g|gm|gms|gr|grams|ml)\b(?!\s*\/)/i.exec(afterStrength(text, strength));
  if (quantity) out.quantity = Number(quantity[1]);
  const frequency = /\b(q\s*\d+(?:\s*-\s*\d+)?\s*(?:h|hr|hrs|hours?)\b|every\s+\d+(?:\s*-\s*\d+)?\s+hours?|bid|tid|qid|qd|qhs|daily|(?:once|twice|\d)\s*(?:x\s*)?(?:a|per)\s+day)/i.exec(text)?.[1];
  if (frequency) out.frequency = frequency;
  const kind = out.treatment ? catalog.treatment(out.treatment)?.kind : undefined;
  Object.assign(out, visitsOf(text, kind === 'therapy' || kind === 'procedure'));
  const levels = parseSpinalLevels(text);
  const regions = bodyRegionsIn(text, levels);
  if (regions.length > 0) out.body_region = regions;
  const side = /\b(bilateral|both)\b|\bB(UE|LE)\b/i.test(text) ? 'bilateral' : /\b(left|lt)\b|\bL(UE|LE)\b/i.test(text) ? 'left' : /\b(right|rt)\b|\bR(UE|LE)\b/i.test(text) ? 'right' : undefined;
  if (side) out.side = side;
  if (levels.length > 0) out.levels = levels;
  if (/\b(purchase|buy)\b/i.test(text)) out.acquisition = 'purchase';
  else if (/\b(rental|rent)\b/i.test(text)) out.acquisition = 'rental';
  // Equipment for a stated time is a rental: "for a 2 month rental", "seven day use", "for one week".
  const equipment = named.some((e) => e.kind === 'dme') || /\b(rental|rent)\b/i.test(text);
  const days = equipment && out.acquisition !== 'purchase' ? daysOfUseStated(text) : undefined;
  if (days !== undefined) {
    out.acquisition = 'rental';
    out.rental_days = days;
  }
  if (/\bretro(spective)?\b|\bDOS\b/i.test(text)) out.retrospective = true;
  return out;
}

/**
 * An injection whose drugs are a corticosteroid, alone or with a local anaesthetic, and which
 * names no procedure of its own (an epidural or facet injection names itself).
 */
function steroidInjection(text: string, named: readonly { id: string; kind: string }[], catalog: Catalog): boolean {
  if (!INJECTION.test(text) || !catalog.treatment('corticosteroid_injection')) return false;
  if (named.length === 0 || named.some((e) => e.kind !== 'drug')) return false;
  const steroid = named.some((e) => catalog.isA(e.id, 'corticosteroid'));
  return steroid && named.every((e) => catalog.isA(e.id, 'corticosteroid') || catalog.isA(e.id, 'local_anesthetic'));
}

/** Body regions named in text; spinal levels name their region ("L4-5" is lumbar) when words do not. */
export function bodyRegionsIn(text: string, levels: readonly string[] = parseSpinalLevels(text)): BodyRegion[] {
  const regions = REGION_WORDS.filter(([re]) => re.test(text)).map(([, r]) => r);
  if (regions.length === 0) regions.push(...levels.map(regionOfLevel).filter((r): r is BodyRegion => r !== undefined));
  return [...new Set(regions)];
}

function regionOfLevel(level: string): BodyRegion | undefined {
  return ({ C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'lumbar' } as const)[level[0] as 'C' | 'T' | 'L' | 'S'];
}

function routeOf(text: string, drug: boolean): Route | undefined {
  if (/\b(IV|intravenous|infusions?)\b/.test(text) || /\bintravenous\b/i.test(text)) return 'intravenous';
  if (/\bintra-?articular\b/i.test(text)) return 'intra_articular';
  if (/\b(inj|injections?|injectable|vial)\b/i.test(text)) {
    // An injection into a limb joint ("injection ... to the right knee") is intra-articular.
    return /\b(knee|shoulder|hip|ankle|elbow|wrist)s?\b/i.test(text) && !/\b(trigger point|epidural|facet|nerve)\b/i.test(text) ? 'intra_articular' : 'injection';
  }
  // "Ice/Heat pads therapy" is not a topical drug: pads and patches are topical only when a drug is named.
  if (TOPICAL.test(text) && (drug || !/^\s*(?:pads?|patch(?:es)?)\s*$/i.test(TOPICAL.exec(text)?.[0] ?? ''))) return 'topical';
  if (/\b(oral|tabs?|tablets?|capsules?|caps|po|suspension|syrup)\b/i.test(text)) return 'oral';
  // A percentage strength is how topical compounds are written ("ketamine 5%").
  if (/\d\s*%/.test(text)) return 'topical';
  return undefined;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30 };
const COUNT = `(\\d+|${Object.keys(NUMBER_WORDS).join('|')}|a|an)`;

/** Days of use a request states: "2 month rental" = 60, "seven day use" = 7, "for one week" = 7. */
export function daysOfUseStated(text: string): number | undefined {
  const m = new RegExp(`\\b${COUNT}[- ](day|week|month)s?\\b(?:\\s+(?:rental|use|supply))?`, 'i').exec(text);
  if (!m) return undefined;
  const n = /^an?$/i.test(m[1]!) ? 1 : toNumber(m[1]!);
  return Number.isFinite(n) && n > 0 ? n * UNIT_DAYS[m[2]!.toLowerCase()]! : undefined;
}

/** The most specific class every named entry belongs to ("EMG/NCV" are electrodiagnostic). */
function sharedClass(entries: readonly { classes?: string[] }[]): string | undefined {
  return entries[0]?.classes?.find((c) => entries.every((e) => e.classes?.includes(c)));
}

function afterStrength(text: string, strength: string | undefined): string {
  if (!strength) return text;
  const at = text.replace(/\s+/g, '').indexOf(strength);
  return at < 0 ? text : text.slice(Math.min(text.length, text.indexOf(strength[0]!) + strength.length));
}

const WEEKLY = '(?:weekly|(?:a|per|\\/)?\\s*(?:week|wk))';
const PER_WEEK = new RegExp(`${NUM}\\s*(?:x|times?)\\s*${WEEKLY}\\s*(?:for|x|times|over)?\\s*${NUM}\\s*(?:weeks|wks)`, 'i');
const ONCE_TWICE_WEEKLY = new RegExp(`(once|twice)\\s*${WEEKLY}\\s*(?:for|x|over)\\s*${NUM}\\s*(?:weeks|wks)`, 'i');
/** A rate alone: "three times weekly", "2x/week", "twice a week". */
const RATE = new RegExp(`\\b(?:${NUM}\\s*(?:x|times?)|(once|twice))\\s*${WEEKLY}`, 'i');
const COUNT_BEFORE = new RegExp(`\\b${NUM}\\s*(?:\\(\\d+\\)\\s*)?(?:additional\\s+)?(?:\\w+\\s+){0,3}?(?:sessions|visits|treatments)\\b`, 'i');
const COUNT_AFTER_MARK = new RegExp(`(?:x|times|#)\\s*${NUM}\\b(?!\\s*(?:mg|%|g\\b|weeks|days|months))`, 'i');
const COUNT_AFTER_WORD = new RegExp(`(?:sessions|visits)\\s*,?\\s*(?:#\\s*)?${NUM}\\b`, 'i');
const THERAPY_WORDS = /therap|pt\b|chiro|acupunct|session|visit|manipulation|treatment|stimulation|biofeedback|traction/i;

/**
 * "2 times a week for 3 weeks" = 6 visits over 3 weeks; "x 6", "#6", "6 sessions", "Twelve visits";
 * "twelve sessions, three times weekly" = 12 visits over 4 weeks. A bare "x 3" counts sessions of a
 * therapy or procedure ("ESWT right shoulder x 3"), whatever words the request uses.
 */
function visitsOf(text: string, sessions: boolean): { visits?: number; weeks?: number } {
  const perWeek = PER_WEEK.exec(text) ?? ONCE_TWICE_WEEKLY.exec(text);
  if (perWeek) {
    const n = perWeek[1]!.toLowerCase() === 'once' ? 1 : perWeek[1]!.toLowerCase() === 'twice' ? 2 : toNumber(perWeek[1]!);
    const weeks = toNumber(perWeek[2]!);
    return { visits: n * weeks, weeks };
  }
  const shorthand = /\b(\d)\s*x\s*(\d{1,2})\b(?!\s*(?:mg|%|g\b))/i.exec(text);
  if (shorthand && (sessions || /therapy|pt\b|chiro|acupuncture|sessions|visits/i.test(text))) {
    return { visits: Number(shorthand[1]) * Number(shorthand[2]), weeks: Number(shorthand[2]) };
  }
  const count = COUNT_BEFORE.exec(text) ?? COUNT_AFTER_MARK.exec(text) ?? COUNT_AFTER_WORD.exec(text);
  if (!count || !(sessions || THERAPY_WORDS.test(text))) return {};
  const visits = toNumber(count[1]!);
  const rate = RATE.exec(text);
  const perWeekRate = rate ? (rate[2] ? (rate[2].toLowerCase() === 'once' ? 1 : 2) : toNumber(rate[1]!)) : undefined;
  if (perWeekRate && visits % perWeekRate === 0 && visits > perWeekRate) return { visits, weeks: visits / perWeekRate };
  return { visits };
}
