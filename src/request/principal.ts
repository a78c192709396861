/**
 * What a request line asks for, determined by its structure: the first thing named in the main
 * phrase (a treatment, or a service such as a consultation with its specialty), then read with
 * what surrounds it: objects that together make one treatment (EMG with NCS), a drug given by a
 * procedure head ("injection of dexamethasone"), the surgery an item serves ("post-op PT"), the
 * region a generic device is for ("brace for the knee"), several drugs in one product (a compound)
 * or a fixed combination (Percocet).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { TreatmentEntry } from '../model/catalog-schema.js';
import type { BodyRegion } from '../model/vocabulary.js';
import type { Perioperative, Sense, Span } from './lexicon.js';
import { adjacent, coordinated, spanDepth } from './structure.js';

type TreatmentSense = Extract<Sense, { kind: 'treatment' }>;
type ServiceSense = Extract<Sense, { kind: 'service' }>;
type HeadSense = Extract<Sense, { kind: 'head' }>;
type SpecialtySense = Extract<Sense, { kind: 'specialty' }>;

export interface Named {
  span: Span;
  depth: number;
  sense: TreatmentSense | ServiceSense;
}

export interface Principal {
  treatment: string | undefined;
  /** every treatment named, the principal first */
  objects: string[];
  ingredients: string[] | undefined;
  specialty: string | undefined;
  /** the spans read as treatments and services */
  named: Named[];
  /** the procedure head that gives the drug, if any */
  head: HeadSense | undefined;
  /** the principal was derived from a drug given by a procedure head (its route comes from the head) */
  drugGiven: boolean;
}

export interface PrincipalInput {
  text: string;
  main: readonly Span[];
  /** modifier phrases: a name inside one ("ultrasound" in "ultrasound-guided") names no object */
  modifiers: readonly Span[];
  specialties: readonly Span[];
  heads: readonly Span[];
  depths: readonly number[];
  perioperative: Perioperative | undefined;
  regions: readonly BodyRegion[];
}

export function determinePrincipal(input: PrincipalInput, catalog: Catalog): Principal {
  const named = resolveSenses(input);
  const objects = named.filter((n): n is Named & { sense: TreatmentSense } => n.sense.kind === 'treatment');
  // A head inside a procedure's own name ("trigger point injection") gives no drug.
  const free = input.heads.find((h) => !objects.some((o) => o.span.start <= h.start && h.end <= o.span.end));
  const head = free?.senses.find((s): s is HeadSense => s.kind === 'head');
  const shallowest = Math.min(...named.map((n) => n.depth));
  const atTop = named.filter((n) => n.depth === shallowest);
  // A drug named beside a procedure is what the procedure gives: "lidocaine trigger point injections".
  const procedure = atTop.find((n) => n.sense.kind === 'treatment' && n.sense.entry.kind === 'procedure');
  const first = atTop[0]?.sense.kind === 'treatment' && atTop[0].sense.entry.kind === 'drug' && procedure ? procedure : atTop[0];

  let treatment: string | undefined;
  let lead: (Named & { sense: TreatmentSense }) | undefined;
  let specialty: string | undefined;
  if (first?.sense.kind === 'service') {
    const service = first.sense;
    const s = specialtyOf(input, first.span);
    specialty = s?.id;
    // A referral naming no specialty is for the treatment it names: "referral to chiropractor".
    lead = s ? undefined : objects.find((o) => o.span.start > first.span.start);
    treatment = lead ? lead.sense.entry.id : (s?.services[service.id] ?? service.treatment);
  } else if (first) {
    lead = first as Named & { sense: TreatmentSense };
    treatment = lead.sense.entry.id;
  }
  // The specialty of a service named whole ("neurology evaluation", "follow-up visit with
  // orthopedics"), or beside a service the line does not request ("ESI with pain interventionist consult").
  if (!specialty && input.specialties[0] && (named.some((n) => n.sense.kind === 'service') || (treatment !== undefined && isServiceTreatment(treatment, catalog)))) {
    specialty = specialtySense(input.specialties[0]).id;
  }

  const ids = [...new Set(objects.map((o) => o.sense.entry.id))];
  const drugs = ids.filter((id) => catalog.treatment(id)?.kind === 'drug');
  let ingredients: string[] | undefined;
  let drugGiven = false;
  const derived = treatment === undefined ? undefined : derive(treatment, ids, drugs, head, input, catalog);
  if (derived) {
    drugGiven = head !== undefined && catalog.treatment(treatment!)?.kind === 'drug';
    treatment = derived;
  } else if (lead && lead.sense.entry.kind === 'drug') {
    const together = combinationOf(lead.sense, drugs, catalog);
    if (together) {
      // The combination is read as its leading drug: "acetaminophen/codeine" is codeine.
      treatment = together[0]!;
      ingredients = together;
    } else if (drugs.length > 1 && separated(input.text)) {
      // Several drugs in one product ("Flurbiprofen 10%/Lidocaine 5%") make a compound.
      ingredients = drugs;
      treatment = undefined;
    }
  }
  const objectIds = [...new Set([...(treatment ? [treatment] : []), ...ids, ...(ingredients ?? [])])];
  return { treatment, objects: objectIds, ingredients, specialty, named, head, drugGiven };
}

/** One sense per span: a treatment before a service; a context name only in its context. */
function resolveSenses(input: PrincipalInput): Named[] {
  const insideModifier = (span: Span) => input.modifiers.some((m) => m.start <= span.start && span.end <= m.end && m.end - m.start > span.end - span.start);
  const plain = input.main.filter((span) => !insideModifier(span)).map((span) => ({ span, sense: preferred(span.senses, false) }));
  const named: Named[] = [];
  plain.forEach(({ span, sense }, i) => {
    const context = span.senses.find((s): s is TreatmentSense => s.kind === 'treatment' && s.contextOnly === true);
    const neighbours = [plain[i - 1], plain[i + 1]].filter((n) => n !== undefined && (coordinated(input.text, n.span, span) || coordinated(input.text, span, n.span)));
    const inContext = context && neighbours.some((n) => n!.sense?.kind === 'treatment' && n!.sense.entry.kind === context.entry.kind && n!.sense.entry.id !== context.entry.id);
    const chosen = inContext ? context : sense;
    if (chosen) named.push({ span, depth: spanDepth(input.depths, span), sense: chosen });
  });
  return named;
}

function preferred(senses: readonly Sense[], context: boolean): Named['sense'] | undefined {
  const treatment = senses.find((s): s is TreatmentSense => s.kind === 'treatment' && (s.contextOnly === true) === context);
  return treatment ?? senses.find((s): s is ServiceSense => s.kind === 'service');
}

/** A treatment a service or a specialty's service is (a consultation, an office visit). */
function isServiceTreatment(treatment: string, catalog: Catalog): boolean {
  const v = catalog.vocabulary;
  return (v.services ?? []).some((s) => s.treatment === treatment) || (v.specialties ?? []).some((s) => Object.values(s.services ?? {}).includes(treatment));
}

function specialtySense(span: Span): SpecialtySense {
  return span.senses.find((s): s is SpecialtySense => s.kind === 'specialty')!;
}

/**
 * The specialty a service is given by: the nearest run of specialty words after it ("consult with
 * pain management", "TOC to ortho spine surgeon"), else the run right before it ("neurology
 * consult"). In a run the last word is the head of the compound ("ortho spine surgeon" is a spine surgeon).
 */
function specialtyOf(input: PrincipalInput, service: Span): SpecialtySense | undefined {
  const runs: Span[][] = [];
  for (const s of input.specialties) {
    const run = runs.at(-1);
    if (run && adjacent(input.text, run.at(-1)!, s)) run.push(s);
    else runs.push([s]);
  }
  const after = runs.find((r) => r[0]!.start >= service.end);
  const before = [...runs].reverse().find((r) => r.at(-1)!.end <= service.start && adjacent(input.text, r.at(-1)!, service));
  const run = after ?? before ?? [...runs].reverse().find((r) => r.at(-1)!.end <= service.start);
  return run && specialtySense(run.at(-1)!);
}

/** The first derived reading whose conditions the line meets (vocabulary `derived` and `combinations`). */
function derive(treatment: string, ids: readonly string[], drugs: readonly string[], head: HeadSense | undefined, input: PrincipalInput, catalog: Catalog): string | undefined {
  const v = catalog.vocabulary;
  for (const c of v.combinations ?? []) {
    if (c.objects.includes(treatment) && c.objects.every((o) => ids.includes(o))) return c.treatment;
  }
  for (const d of v.derived ?? []) {
    if (d.perioperative && !perioperativeMatches(d.perioperative, input.perioperative)) continue;
    if (d.regions && !d.regions.some((r) => input.regions.includes(r))) continue;
    if (d.alone_among && ids.some((id) => id !== treatment && d.alone_among!.some((k) => catalog.isA(id, k)))) continue;
    if (d.head) {
      // A drug given by the head: one drug is the object, every other is one of its vehicles
      // (lidocaine with a steroid), whichever of them the line names first.
      if (head?.id !== d.head || !drugs.includes(treatment) || !drugs.some((id) => catalog.isA(id, d.object))) continue;
      const fits = (id: string) => catalog.isA(id, d.object) || (d.vehicles ?? []).some((k) => catalog.isA(id, k));
      if (!drugs.every(fits)) continue;
    } else if (!catalog.isA(treatment, d.object)) continue;
    if (d.treatment !== treatment) return d.treatment;
  }
  return undefined;
}

export function perioperativeMatches(wanted: Perioperative, stated: Perioperative | undefined): boolean {
  if (stated === undefined) return false;
  return wanted === 'any' || stated === 'any' || wanted === stated;
}

/**
 * The drugs named are one fixed combination: a brand name that is one ("Percocet"), or drugs
 * spelled out that make one led by any of them ("acetaminophen/codeine" is codeine's). Its
 * ingredients, leading drug first; undefined when they are not one.
 */
function combinationOf(lead: TreatmentSense, drugs: readonly string[], catalog: Catalog): string[] | undefined {
  const others = (id: string) => drugs.filter((d) => d !== id);
  if (lead.with && others(lead.entry.id).every((o) => lead.with!.includes(o))) return [lead.entry.id, ...lead.with];
  if (drugs.length < 2) return undefined;
  for (const id of drugs) {
    const entry: TreatmentEntry | undefined = catalog.treatment(id);
    const c = (entry?.combinations ?? []).find((x) => others(id).every((o) => x.with.some((w) => o === w || catalog.isA(o, w))));
    if (c) return [id, ...c.with];
  }
  return undefined;
}

function separated(text: string): boolean {
  return /\/|\band\b|,|\+/.test(text);
}
