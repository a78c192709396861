/**
 * Catalog treatments and treatment classes named in a sentence, each with its "window": the text
 * from the name to the next name or the end of its clause, where its strength, form, levels,
 * dates and response are written ("ketamine 5% cream", "fusion at L4-L5 and L5-S1 in 2010").
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { TreatmentEntry } from '../../model/catalog-schema.js';

export interface Mention {
  /** catalog treatment or class id */
  id: string;
  /** the catalog entry, or undefined for a class */
  entry: TreatmentEntry | undefined;
  start: number;
  end: number;
  /** the name as written */
  name: string;
  /** [start, end) of the words that belong to this mention: to the next name or comma */
  window: [number, number];
  /** [start, end) to the next name or the end of the clause, commas included (level lists) */
  reach: [number, number];
}

/** Names too ambiguous to read as a treatment in free text ("the rest of", "OT"). */
const AMBIGUOUS = new Set(['rest', 'ot', 'ems', 'ctr', 'tpi', 'hep', 'rfa', 'esi', 'pt.']);
/** Classes that name a kind of care a patient "has had" (not imaging, surgery or equipment). */
const HISTORY_CLASSES = new Set([
  'analgesic', 'opioid', 'long_acting_opioid', 'nsaid', 'cox2_inhibitor', 'muscle_relaxant', 'antidepressant',
  'tricyclic_antidepressant', 'snri', 'ssri', 'anticonvulsant', 'benzodiazepine', 'sedative_hypnotic',
  'ppi', 'antipsychotic', 'antiemetic', 'conservative_care', 'passive_modality', 'psychological_treatment',
  'physical_medicine', 'medical_food', 'compound', 'anticoagulant', 'antiplatelet',
]);

/** Classes that name a surgery done without saying which ("status post knee surgery"). */
export const SURGERY_CLASSES: ReadonlySet<string> = new Set(['surgery', 'spine_surgery', 'shoulder_surgery', 'knee_surgery', 'hand_surgery', 'fusion']);

const classPatterns = new WeakMap<Catalog, Map<ReadonlySet<string>, { id: string; re: RegExp; length: number }[]>>();

function classesOf(catalog: Catalog, wanted: ReadonlySet<string>): { id: string; re: RegExp; length: number }[] {
  const cache = classPatterns.get(catalog) ?? new Map<ReadonlySet<string>, { id: string; re: RegExp; length: number }[]>();
  classPatterns.set(catalog, cache);
  let list = cache.get(wanted);
  if (list) return list;
  list = [];
  for (const c of catalog.data.classes) {
    if (!wanted.has(c.id)) continue;
    for (const name of c.names ?? []) {
      const body = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]?');
      list.push({ id: c.id, re: new RegExp(`(?<![A-Za-z])${body}(?![A-Za-z])`, /^[A-Z0-9]{2,}s?$/.test(name) ? 'g' : 'gi'), length: name.length });
    }
  }
  list.sort((a, b) => b.length - a.length);
  cache.set(wanted, list);
  return list;
}

const CLAUSE_END = /[;:]|\.\s|\b(?:but|however|although|whereas|while|which)\b/gi;
/** A mention's own words stop at a comma too ("physical therapy, ..., psychotherapy, sacroiliac joint steroid injections"). */
const WINDOW_END = /[;:,]|\.\s|\.$|\b(?:but|however|although|whereas|while|which)\b/gi;

const memo = new WeakMap<Catalog, Map<ReadonlySet<string>, Map<string, readonly Mention[]>>>();
/** Sentences remembered per catalog and class set; several extractors read the same sentence. */
const MEMO_SIZE = 2000;

/**
 * Mentions of catalog treatments, and of the classes given (by default, kinds of care a patient
 * "has had"). The result is shared between callers: read it, do not change it.
 */
export function mentionsIn(text: string, catalog: Catalog, classes: ReadonlySet<string> = HISTORY_CLASSES): readonly Mention[] {
  const byClasses = memo.get(catalog) ?? new Map<ReadonlySet<string>, Map<string, readonly Mention[]>>();
  memo.set(catalog, byClasses);
  const seen = byClasses.get(classes) ?? new Map<string, readonly Mention[]>();
  byClasses.set(classes, seen);
  const known = seen.get(text);
  if (known) return known;
  const found = findMentions(text, catalog, classes);
  if (seen.size >= MEMO_SIZE) seen.clear();
  seen.set(text, found);
  return found;
}

function findMentions(text: string, catalog: Catalog, classes: ReadonlySet<string>): Mention[] {
  const found: Omit<Mention, 'window' | 'reach'>[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  for (const m of catalog.findNames(text)) {
    const name = text.slice(m.start, m.end);
    if (AMBIGUOUS.has(name.toLowerCase())) continue;
    found.push({ id: m.entry.id, entry: m.entry, start: m.start, end: m.end, name });
    for (let i = m.start; i < m.end; i++) taken[i] = true;
  }
  for (const c of classesOf(catalog, classes)) {
    c.re.lastIndex = 0;
    for (const m of text.matchAll(c.re)) {
      const end = m.index + m[0].length;
      if (taken.slice(m.index, end).some(Boolean)) continue;
      for (let i = m.index; i < end; i++) taken[i] = true;
      found.push({ id: c.id, entry: undefined, start: m.index, end, name: m[0] });
    }
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((m, i) => {
    const next = found[i + 1]?.start ?? text.length;
    WINDOW_END.lastIndex = m.end;
    const stop = WINDOW_END.exec(text);
    CLAUSE_END.lastIndex = m.end;
    const clauseStop = CLAUSE_END.exec(text);
    const end = Math.min(next, stop ? stop.index : text.length);
    const reach = Math.min(next, clauseStop ? clauseStop.index : text.length);
    return { ...m, window: [m.start, Math.max(end, m.end)], reach: [m.start, Math.max(reach, m.end)] };
  });
}

/** The clause the mention stands in, from the previous clause break to the next. */
export function clauseAround(text: string, start: number, end: number): string {
  let from = 0;
  for (const m of text.slice(0, start).matchAll(CLAUSE_END)) from = m.index + m[0].length;
  CLAUSE_END.lastIndex = end;
  const stop = CLAUSE_END.exec(text);
  return text.slice(from, stop ? stop.index : text.length);
}
