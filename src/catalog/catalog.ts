/**
 * The loaded catalog, indexed: treatments by id and by name, classes and clinical terms with their
 * implications closed transitively, so "is cyclobenzaprine a muscle relaxant?" is one set lookup.
 */
import type { RequestVocabulary, TermEntry, TreatmentEntry } from '../model/catalog-schema.js';

export type TermKind = 'condition' | 'finding';

export interface CatalogData {
  treatments: TreatmentEntry[];
  classes: TermEntry[];
  conditions: TermEntry[];
  findings: TermEntry[];
  /** the words of a request that are not treatments (rules/catalog/request-*.yaml) */
  vocabulary?: RequestVocabulary;
}

export interface NameMatch {
  entry: TreatmentEntry;
  /** character offsets of the matched name in the searched text */
  start: number;
  end: number;
}

export class Catalog {
  private readonly byId = new Map<string, TreatmentEntry>();
  private readonly classIds = new Set<string>();
  /** id → itself plus every class it belongs to, transitively */
  private readonly kinds = new Map<string, Set<string>>();
  private readonly terms: Record<TermKind, Map<string, TermEntry>> = { condition: new Map(), finding: new Map() };
  private readonly termClosure: Record<TermKind, Map<string, Set<string>>> = { condition: new Map(), finding: new Map() };
  /** names by their first word, longest first, for matching text word by word (built on first use: a check never needs it) */
  private namesIndex: Map<string, { words: string[]; entry: TreatmentEntry }[]> | undefined;

  constructor(readonly data: CatalogData) {
    for (const c of data.classes) this.classIds.add(c.id);
    const classParents = new Map(data.classes.map((c) => [c.id, c.implies ?? []]));
    for (const t of data.treatments) {
      this.byId.set(t.id, t);
      this.kinds.set(t.id, closure([t.id, ...(t.classes ?? [])], (id) => classParents.get(id) ?? []));
    }
    for (const c of data.classes) this.kinds.set(c.id, closure([c.id], (id) => classParents.get(id) ?? []));
    for (const kind of ['condition', 'finding'] as const) {
      const list = kind === 'condition' ? data.conditions : data.findings;
      const map = this.terms[kind];
      for (const t of list) map.set(t.id, t);
      for (const t of list) this.termClosure[kind].set(t.id, closure([t.id], (id) => map.get(id)?.implies ?? []));
    }
  }

  /** The request vocabulary: regions, sides, modifiers, specialties, units ... */
  get vocabulary(): RequestVocabulary {
    return this.data.vocabulary ?? {};
  }

  treatment(id: string): TreatmentEntry | undefined {
    return this.byId.get(id);
  }

  isTreatment(id: string): boolean {
    return this.byId.has(id);
  }

  isClass(id: string): boolean {
    return this.classIds.has(id);
  }

  treatmentIds(): string[] {
    return [...this.byId.keys()];
  }

  classIdList(): string[] {
    return [...this.classIds];
  }

  /** The id itself and all its classes, transitively. */
  kindsOf(id: string): ReadonlySet<string> {
    return this.kinds.get(id) ?? new Set([id]);
  }

  /** True when `id` is `kind` or belongs to the class `kind`. */
  isA(id: string, kind: string): boolean {
    return this.kindsOf(id).has(kind);
  }

  term(kind: TermKind, id: string): TermEntry | undefined {
    return this.terms[kind].get(id);
  }

  termIds(kind: TermKind): string[] {
    return [...this.terms[kind].keys()];
  }

  termEntries(kind: TermKind): TermEntry[] {
    return [...this.terms[kind].values()];
  }

  /** The tag and every broader tag it implies. */
  impliedBy(kind: TermKind, id: string): ReadonlySet<string> {
    return this.termClosure[kind].get(id) ?? new Set([id]);
  }

  private get namesByFirstWord(): Map<string, { words: string[]; entry: TreatmentEntry }[]> {
    if (!this.namesIndex) {
      const index = new Map<string, { words: string[]; entry: TreatmentEntry }[]>();
      for (const t of this.data.treatments) {
        for (const n of [...t.names, ...(t.combinations ?? []).flatMap((c) => c.names)]) {
          const words = tokens(n).map((w) => w.word);
          if (words.length === 0) continue;
          const list = index.get(words[0]!) ?? [];
          list.push({ words, entry: t });
          index.set(words[0]!, list);
        }
      }
      // Longest names first, so "ketamine hydrochloride" wins over "ketamine".
      for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
      this.namesIndex = index;
    }
    return this.namesIndex;
  }

  /** Catalog treatments named in `text`, longest names first, non-overlapping, in text order. */
  findNames(text: string): NameMatch[] {
    const words = tokens(text);
    const found: NameMatch[] = [];
    for (let i = 0; i < words.length; ) {
      const candidates = this.namesByFirstWord.get(words[i]!.word);
      const hit = candidates?.find((c) => c.words.every((w, k) => words[i + k]?.word === w));
      if (!hit) {
        i++;
        continue;
      }
      const last = words[i + hit.words.length - 1]!;
      found.push({ entry: hit.entry, start: words[i]!.start, end: last.start + last.word.length });
      i += hit.words.length;
    }
    return found;
  }
}

/** Lower-case words (letters and digits) with their offsets: names match word for word. */
function tokens(text: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  for (const m of text.toLowerCase().matchAll(/[a-z0-9]+/g)) out.push({ word: m[0], start: m.index });
  return out;
}

function closure(start: string[], next: (id: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}
