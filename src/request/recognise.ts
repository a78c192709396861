/**
 * Reads a request line by its structure: modifiers, the service or object requested, body region,
 * side and levels, strength, form and route, quantity, frequency and duration. Returns the reading
 * (parts with their roles and offsets, kept in the case) and the item fields it states.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { DisputedItem, ReadingPart, RequestReading } from '../model/case-schema.js';
import type { Route } from '../model/vocabulary.js';
import { lexiconOf, type Perioperative, type Sense, type Span } from './lexicon.js';
import { MaskedText } from './masked-text.js';
import { sum, type Range } from './numbers.js';
import { readPlaces } from './places.js';
import { determinePrincipal, type Principal } from './principal.js';
import { readQuantities, type Quantities } from './quantities.js';
import { readBareStrength, readStrengths } from './strengths.js';
import { sharedHeadSpans } from './shared-head.js';
import { tokenDepths } from './structure.js';
import { tokenize } from './tokens.js';

/** Item fields a request line states; anything it does not state stays absent. */
export type RequestFields = Omit<Partial<DisputedItem>, 'request' | 'actual' | 'expect' | 'records_show' | 'reading' | 'ur_approved'>;

export interface Recognition {
  reading: RequestReading;
  fields: RequestFields;
}

/** Kinds of treatment given in sessions: a bare "x 6" or "2x4" counts their sessions. */
const SESSION_KINDS = new Set(['therapy', 'procedure', 'service', 'evaluation']);
const SESSION_WORDS = /\b(?:sessions?|visits?|treatments?)\b/i;

type ModifierSense = Extract<Sense, { kind: 'modifier' }>;

/**
 * Request texts repeat across a corpus ("MRI of the lumbar spine"): each distinct text is read once
 * per catalog, and every caller gets its own copy. Bounded, so a stream of unique texts cannot grow it.
 */
const remembered = new WeakMap<Catalog, Map<string, Recognition>>();
const MAX_REMEMBERED = 10_000;

export function recogniseRequest(text: string, catalog: Catalog): Recognition {
  let memo = remembered.get(catalog);
  if (!memo) remembered.set(catalog, (memo = new Map()));
  let r = memo.get(text);
  if (!r) {
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    memo.set(text, (r = read(text, catalog)));
  }
  return structuredClone(r);
}

function read(text: string, catalog: Catalog): Recognition {
  const lex = lexiconOf(catalog);
  const vocabulary = catalog.vocabulary;
  const tokens = tokenize(text);
  const scanned = lex.scan(tokens, 'main');
  const main = [...scanned, ...sharedHeadSpans(text, tokens, scanned, lex)].sort((a, b) => a.start - b.start);
  const modifiers = lex.scan(tokens, 'modifier');
  const modifierSenses = modifiers.flatMap((s) => s.senses as ModifierSense[]);
  const places = readPlaces(text, lex.scan(tokens, 'place'), vocabulary);
  const perioperative = perioperativeOf(modifierSenses);
  const specialties = lex.scan(tokens, 'specialty');
  const heads = lex.scan(tokens, 'head');
  const principal = determinePrincipal({
    text, main, modifiers, specialties, heads,
    depths: tokenDepths(text, tokens, main), perioperative, regions: places.regions,
  }, catalog);
  const entry = principal.treatment ? catalog.treatment(principal.treatment) : undefined;
  const isDrug = principal.ingredients !== undefined || entry?.kind === 'drug' || entry?.kind === 'compound';
  const sessionLike = entry ? SESSION_KINDS.has(entry.kind) : SESSION_WORDS.test(text);

  const masked = new MaskedText(text);
  // Numbers inside a name belong to the name ("Tylenol #3", "Kenalog-40", "3 in 1 commode").
  for (const n of principal.named) if (n.sense.kind === 'treatment') masked.blankNumbers(n.span.start, n.span.end);
  masked.take(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g, () => true); // dates ("DOS 11/18/16")
  masked.take(/(?<![a-z0-9.])\d+\s*(?:min|mins|minutes)\b/g, () => true); // session length ("15 mins")
  const strengths = readStrengths(masked, vocabulary);
  if (strengths.length === 0) {
    // After the last drug named: "Norco 10/325", "senna-docusate 8.6/50".
    const drug = principal.named.filter((n) => n.sense.kind === 'treatment' && n.sense.entry.kind === 'drug').at(-1);
    const bare = drug && readBareStrength(masked, drug.span.end);
    if (bare) strengths.push(bare);
  }
  const q = readQuantities(masked, vocabulary, sessionLike);
  const details = lex.scan(tokens, 'detail');
  // A route is what a drug or an injection procedure is given by; a study or a device has none.
  const routed = isDrug || entry === undefined || entry.kind === 'procedure';
  const route = routed ? routeOf([...details, ...heads], principal, isDrug, strengths, places.regions, catalog) : undefined;
  const form = details.flatMap((s) => s.senses).find((s) => s.kind === 'form');

  const fields: RequestFields = {};
  if (principal.treatment) fields.treatment = principal.treatment;
  if (!principal.treatment && principal.ingredients) fields.ingredients = principal.ingredients;
  if (route) fields.route = route;
  if (form?.kind === 'form') fields.form = form.id;
  if (strengths[0]) fields.strength = String(strengths[0].value);
  const quantity = q.marked ?? q.amount;
  if (quantity !== undefined) fields.quantity = quantity;
  if (q.doseFrequency) fields.frequency = q.doseFrequency;
  const sessions = sessionsOf(q, sessionLike);
  if (sessions.visits) fields.visits = Math.round(sessions.visits.max);
  if (sessions.weeks && (sessions.visits || sessionLike)) fields.weeks = sessions.weeks.max;
  if (places.regions.length > 0) fields.body_region = places.regions;
  if (places.side) fields.side = places.side;
  if (places.levels.length > 0) fields.levels = places.levels;
  const acquisition = modifierSenses.find((m) => m.acquisition)?.acquisition;
  if (acquisition) fields.acquisition = acquisition;
  // Equipment for a stated time is a rental: "for a 2 month rental", "seven day use", "for one week".
  const days = q.durations[0]?.days;
  if ((entry?.kind === 'dme' || acquisition === 'rental') && acquisition !== 'purchase' && days) {
    fields.acquisition = 'rental';
    fields.rental_days = days.max;
  }
  if (modifierSenses.some((m) => m.retrospective)) fields.retrospective = true;

  const reading: RequestReading = {
    recognised: principal.treatment !== undefined || principal.ingredients !== undefined,
    ...(principal.treatment ? { treatment: principal.treatment } : {}),
    ...(principal.objects.length > 0 ? { objects: principal.objects } : {}),
    ...(principal.ingredients ? { ingredients: principal.ingredients } : {}),
    ...(modifierSenses.length > 0 ? { modifiers: [...new Set(modifierSenses.map((m) => m.id))] } : {}),
    ...(principal.specialty ? { specialty: principal.specialty } : {}),
    ...(perioperative ? { perioperative } : {}),
    ...(sessions.visits ? { visits: sessions.visits } : {}),
    ...(sessions.weeks ? { weeks: sessions.weeks } : {}),
    ...(q.perWeek ?? q.shorthand ? { per_week: (q.perWeek ?? q.shorthand!.perWeek) } : {}),
    ...(days ? { days } : {}),
    ...(q.refills !== undefined ? { refills: q.refills } : {}),
    ...(q.daysSupply !== undefined ? { days_supply: q.daysSupply } : {}),
    ...(q.hoursPerWeek !== undefined ? { hours_per_week: q.hoursPerWeek } : {}),
    parts: partsOf(text, principal, heads, modifiers, details, specialties, places.parts, strengths, q),
  };
  return { reading, fields };
}

function perioperativeOf(modifiers: readonly ModifierSense[]): Perioperative | undefined {
  const stated = new Set(modifiers.map((m) => m.perioperative).filter((p) => p !== undefined));
  if (stated.size === 0) return undefined;
  return stated.size === 1 ? [...stated][0] : 'any';
}

/**
 * The route: a route word, else a procedure head ("injection", also inside a procedure's name),
 * else a form (a "patch" or "pad" only for a drug), each by the vocabulary's order of precedence;
 * else a percentage strength is topical. A drug injected into a limb joint is injected into it.
 */
function routeOf(details: readonly Span[], principal: Principal, isDrug: boolean, strengths: readonly ReadingPart[], regions: readonly string[], catalog: Catalog): Route | undefined {
  const v = catalog.vocabulary;
  const order = (v.routes ?? []).map((r) => r.id);
  // Route words inside the name of a device or therapy ("class IV laser") are part of the name.
  const outsideNames = (s: Span) => !principal.named.some((n) => n.sense.kind === 'treatment' && !['drug', 'compound', 'procedure'].includes(n.sense.entry.kind) && n.span.start <= s.start && s.end <= n.span.end);
  // A route word says it outright; a procedure head ("injection", "infusion") next; a form last.
  const stated: Route[][] = [[], [], []];
  for (const span of details.filter(outsideNames)) {
    for (const s of span.senses) {
      if (s.kind === 'route') stated[0]!.push(s.route);
      else if (s.kind === 'head') stated[1]!.push(s.route);
      else if (s.kind === 'form' && s.route && (!s.drugOnly || isDrug)) stated[2]!.push(s.route);
    }
  }
  let route = stated.map((c) => c.sort((a, b) => rank(order, a) - rank(order, b))[0]).find((r) => r !== undefined);
  if (!route && strengths.some((p) => /%|percent/i.test(p.text))) route = 'topical';
  const joint = (v.regions ?? []).some((r) => r.joint && regions.includes(r.id));
  if (route === 'injection' && joint && (isDrug || principal.drugGiven)) route = 'intra_articular';
  return route;
}

function rank(order: readonly string[], route: string): number {
  const i = order.indexOf(route);
  return i < 0 ? order.length : i;
}

/** Sessions requested: counts stated, else a bare mark, else "#N", else per week × weeks. */
function sessionsOf(q: Quantities, sessionLike: boolean): { visits?: Range; weeks?: Range } {
  const weeksStated = q.shorthand?.weeks ?? q.durations.find((d) => d.weeks)?.weeks;
  const perWeek = q.perWeek ?? q.shorthand?.perWeek;
  let visits = sum(q.counts) ?? q.marks[0] ?? (sessionLike && q.marked !== undefined ? { min: q.marked, max: q.marked } : undefined);
  if (!visits && perWeek && weeksStated) visits = { min: perWeek.min * weeksStated.min, max: perWeek.max * weeksStated.max };
  let weeks = weeksStated;
  if (!weeks && visits && perWeek && perWeek.max > 0 && visits.max % perWeek.max === 0 && visits.max > perWeek.max) {
    weeks = { min: visits.max / perWeek.max, max: visits.max / perWeek.max };
  }
  return { ...(visits ? { visits } : {}), ...(weeks ? { weeks } : {}) };
}

function partsOf(
  text: string, principal: Principal, heads: readonly Span[], modifiers: readonly Span[], details: readonly Span[], specialties: readonly Span[],
  places: readonly ReadingPart[], strengths: readonly ReadingPart[], q: Quantities,
): ReadingPart[] {
  const parts: ReadingPart[] = [];
  const at = (role: ReadingPart['role'], value: string, s: Span) => parts.push({ role, value, text: text.slice(s.start, s.end), start: s.start, end: s.end });
  const compound = principal.treatment === undefined && principal.ingredients !== undefined;
  for (const n of principal.named) {
    if (n.sense.kind === 'treatment') at(compound && n.sense.entry.kind === 'drug' ? 'ingredient' : 'object', n.sense.entry.id, n.span);
    else at('service', n.sense.id, n.span);
  }
  const inName = (s: Span) => principal.named.some((n) => n.sense.kind === 'treatment' && n.span.start <= s.start && s.end <= n.span.end);
  for (const s of heads.filter((h) => !inName(h))) at('service', (s.senses[0] as Extract<Sense, { kind: 'head' }>).id, s);
  for (const s of specialties) at('specialty', (s.senses[0] as Extract<Sense, { kind: 'specialty' }>).id, s);
  for (const s of modifiers) for (const m of s.senses) at('modifier', (m as ModifierSense).id, s);
  for (const s of details) {
    const d = s.senses[0]!;
    if (d.kind === 'route') at('route', d.route, s);
    else if (d.kind === 'form') at('form', d.id, s);
  }
  parts.push(...places, ...strengths, ...q.parts);
  return parts.sort((a, b) => a.start - b.start || a.end - b.end);
}
