/**
 * The loaded catalog, indexed: treatments by id and by name, classes and clinical terms with their
 * implications closed transitively, so "is cyclobenzaprine a muscle relaxant?" is one set lookup.
 */
import type { TermEntry, TreatmentEntry } from '../model/catalog-schema.js';

export type TermKind = 'condition' | 'finding';

export interface CatalogData {
  treatments: TreatmentEntry[];
  classes: TermEntry[];
  conditions: TermEntry[];
  findings: TermEntry[];
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
  private readonly names: { name: string; entry: TreatmentEntry }[] = [];

  constructor(readonly data: CatalogData) {
    for (const c of data.classes) this.classIds.add(c.id);
    const classParents = new Map(data.classes.map((c) => [c.id, c.implies ?? []]));
    for (const t of data.treatments) {
      this.byId.set(t.id, t);
      this.kinds.set(t.id, closure([t.id, ...(t.classes ?? [])], (id) => classParents.get(id) ?? []));
      for (const n of t.names) this.names.push({ name: normaliseName(n), entry: t });
    }
    for (const c of data.classes) this.kinds.set(c.id, closure([c.id], (id) => classParents.get(id) ?? []));
    // Longest names first, so "ketamine hydrochloride" wins over "ketamine".
    this.names.sort((a, b) => b.name.length - a.name.length);
    for (const kind of ['condition', 'finding'] as const) {
      const list = kind === 'condition' ? data.conditions : data.findings;
      const map = this.terms[kind];
      for (const t of list) map.set(t.id, t);
      for (const t of list) this.termClosure[kind].set(t.id, closure([t.id], (id) => map.get(id)?.implies ?? []));
    }
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

  /** Catalog treatments named in `text`, longest names first, non-overlapping, in text order. */
  findNames(text: string): NameMatch[] {
    const hay = normaliseName(text);
    const taken: boolean[] = new Array(hay.length).fill(false);
    const found: NameMatch[] = [];
    for (const { name, entry } of this.names) {
      let from = 0;
      for (;;) {
        const at = hay.indexOf(name, from);
        if (at < 0) break;
        from = at + 1;
        const end = at + name.length;
        if (!isBoundary(hay, at - 1) || !isBoundary(hay, end)) continue;
        if (taken.slice(at, end).some(Boolean)) continue;
        for (let i = at; i < end; i++) taken[i] = true;
        found.push({ entry, start: at, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }
}

/** Lower case, with runs of space collapsed; keeps offsets stable (one char in, one char out). */
export function normaliseName(s: string): string {
  return s.toLowerCase().replace(/\s/g, ' ');
}

function isBoundary(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return true;
  return !/[a-z0-9]/.test(s[i]!);
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
