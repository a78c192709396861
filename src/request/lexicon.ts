/**
 * Every phrase a request line may contain, from the catalog: treatment names, specialties,
 * service words, modifiers, regions and sides, routes, forms and dose frequencies. Built once per
 * catalog. Phrases are grouped in layers that are scanned independently (a region word may sit
 * inside a treatment name, "knee arthroscopy"; a specialty inside a service name, "pain management
 * consultation", a procedure head inside a procedure's name, "epidural steroid injection"); within a
 * layer the longest phrase wins.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { TreatmentEntry } from '../model/catalog-schema.js';
import type { BodyRegion, Route } from '../model/vocabulary.js';
import { nameWords, singulars, wordMatches, type Token } from './tokens.js';

export type Perioperative = 'pre' | 'post' | 'any';
type Side = 'left' | 'right' | 'bilateral';

export type Sense =
  | { layer: 'main'; kind: 'treatment'; entry: TreatmentEntry; with?: string[]; contextOnly?: boolean }
  | { layer: 'specialty'; kind: 'specialty'; id: string; services: Record<string, string> }
  | { layer: 'main'; kind: 'service'; id: string; treatment: string }
  | { layer: 'head'; kind: 'head'; id: string; route: Route }
  | { layer: 'modifier'; kind: 'modifier'; id: string; acquisition?: 'purchase' | 'rental'; retrospective?: boolean; perioperative?: Perioperative }
  | { layer: 'place'; kind: 'region'; region: BodyRegion; side?: Side }
  | { layer: 'place'; kind: 'side'; side: Side; beforeRegion?: boolean }
  | { layer: 'detail'; kind: 'route'; route: Route }
  | { layer: 'detail'; kind: 'form'; id: string; route?: Route; drugOnly?: boolean }
  | { layer: 'frequency'; kind: 'dose_frequency'; perDay?: number; asNeeded?: boolean };

export type Layer = Sense['layer'];

/** A phrase found in the text: its token range, offsets and every sense it has. */
export interface Span {
  first: number;
  /** one past the last token */
  last: number;
  start: number;
  end: number;
  senses: Sense[];
}

interface Phrase {
  words: string[];
  sense: Sense;
}

export class Lexicon {
  private readonly byFirst: Record<Layer, Map<string, Phrase[]>> = {
    main: new Map(), head: new Map(), specialty: new Map(), modifier: new Map(), place: new Map(), detail: new Map(), frequency: new Map(),
  };

  constructor(readonly catalog: Catalog) {
    const v = catalog.vocabulary;
    for (const id of catalog.treatmentIds()) {
      const entry = catalog.treatment(id)!;
      for (const n of entry.names) this.add(n, { layer: 'main', kind: 'treatment', entry });
      for (const c of entry.combinations ?? []) for (const n of c.names) this.add(n, { layer: 'main', kind: 'treatment', entry, with: c.with });
      for (const n of entry.context_names ?? []) this.add(n, { layer: 'main', kind: 'treatment', entry, contextOnly: true });
    }
    for (const s of v.specialties ?? []) for (const n of s.names) this.add(n, { layer: 'specialty', kind: 'specialty', id: s.id, services: s.services ?? {} });
    for (const s of v.services ?? []) for (const n of s.names) this.add(n, { layer: 'main', kind: 'service', id: s.id, treatment: s.treatment });
    for (const h of v.procedure_heads ?? []) for (const n of h.names) this.add(n, { layer: 'head', kind: 'head', id: h.id, route: h.route });
    for (const m of v.modifiers ?? []) {
      const { names, id, ...effects } = m;
      for (const n of names) this.add(n, { layer: 'modifier', kind: 'modifier', id, ...effects });
    }
    for (const r of v.regions ?? []) for (const n of r.names) this.add(n, { layer: 'place', kind: 'region', region: r.id });
    for (const r of v.sided_regions ?? []) for (const n of r.names) this.add(n, { layer: 'place', kind: 'region', region: r.region, side: r.side });
    for (const s of v.sides ?? []) {
      for (const n of s.names) this.add(n, { layer: 'place', kind: 'side', side: s.id });
      for (const n of s.before_region ?? []) this.add(n, { layer: 'place', kind: 'side', side: s.id, beforeRegion: true });
    }
    for (const r of v.routes ?? []) for (const n of r.names) this.add(n, { layer: 'detail', kind: 'route', route: r.id });
    for (const f of v.forms ?? []) {
      for (const n of f.names) this.add(n, { layer: 'detail', kind: 'form', id: f.id, ...(f.route ? { route: f.route } : {}), ...(f.drug_only ? { drugOnly: true } : {}) });
    }
    for (const f of v.dose_frequencies ?? []) {
      for (const n of f.names) this.add(n, { layer: 'frequency', kind: 'dose_frequency', ...(f.per_day ? { perDay: f.per_day } : {}), ...(f.as_needed ? { asNeeded: true } : {}) });
    }
    // Longest phrases first, so "ketamine hydrochloride" wins over "ketamine".
    for (const layer of Object.values(this.byFirst)) for (const list of layer.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private add(name: string, sense: Sense): void {
    const words = nameWords(name);
    if (words.length === 0) return;
    const map = this.byFirst[sense.layer];
    const list = map.get(words[0]!) ?? [];
    list.push({ words, sense });
    map.set(words[0]!, list);
  }

  /** The senses of exactly these words as one phrase of the layer (plurals folded), if any. */
  exact(words: readonly string[], layer: Layer): Sense[] {
    const map = this.byFirst[layer];
    const first = words[0];
    if (first === undefined) return [];
    const candidates = [...(map.get(first) ?? []), ...singulars(first).flatMap((s) => map.get(s) ?? [])];
    return uniqueSenses(candidates.filter((c) => c.words.length === words.length && c.words.every((w, k) => wordMatches(words[k]!, w))).map((c) => c.sense));
  }

  /** The phrases of one layer in the tokens: longest first, non-overlapping, in text order. */
  scan(tokens: readonly Token[], layer: Layer): Span[] {
    const map = this.byFirst[layer];
    const found: Span[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i]!.word;
      const candidates = [...(map.get(t) ?? []), ...singulars(t).flatMap((s) => map.get(s) ?? [])];
      let best: Phrase[] = [];
      for (const c of candidates) {
        if (!c.words.every((w, k) => tokens[i + k] !== undefined && wordMatches(tokens[i + k]!.word, w))) continue;
        if (best.length === 0 || c.words.length > best[0]!.words.length) best = [c];
        else if (c.words.length === best[0]!.words.length) best.push(c);
      }
      if (best.length === 0) {
        i++;
        continue;
      }
      const n = best[0]!.words.length;
      const senses = uniqueSenses(best.map((b) => b.sense));
      found.push({ first: i, last: i + n, start: tokens[i]!.start, end: tokens[i + n - 1]!.end, senses });
      i += n;
    }
    return found;
  }
}

/** One sense per treatment, specialty, region ...: a name listed twice is one reading. */
function uniqueSenses(senses: Sense[]): Sense[] {
  const seen = new Set<string>();
  return senses.filter((s) => {
    const key = JSON.stringify(s.kind === 'treatment' ? [s.kind, s.entry.id, s.with, s.contextOnly] : s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const lexicons = new WeakMap<Catalog, Lexicon>();

export function lexiconOf(catalog: Catalog): Lexicon {
  let lex = lexicons.get(catalog);
  if (!lex) lexicons.set(catalog, (lex = new Lexicon(catalog)));
  return lex;
}
