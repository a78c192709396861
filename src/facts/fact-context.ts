/**
 * Everything a fact may read for one disputed item: the case, the item as normalised, the catalog
 * and the date the request is judged at. Derived values are memoised per item.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Case, DisputedItem, TreatmentHistoryEntry } from '../model/case-schema.js';
import type { Presumption } from '../model/presumption-schema.js';
import type { Route } from '../model/vocabulary.js';
import type { FactDefinition, FactValue } from './fact-types.js';

/**
 * How silence is read for this evaluation: the presumptions in force (declared with their
 * source in the ruleset's policy file), unless `strict` reads the records literally.
 */
export interface PresumptionPolicy {
  presumptions: ReadonlyMap<string, Presumption>;
  strict: boolean;
}

/** No presumption applies: the records are read literally. */
export const STRICT_POLICY: PresumptionPolicy = { presumptions: new Map(), strict: true };

/** A disputed item with its treatment and route resolved through the catalog. */
export interface ResolvedItem {
  item: DisputedItem;
  /** the item's number in the case, 1-based as everywhere items are numbered */
  number: number;
  /** catalog id, or undefined when the request names nothing the catalog knows */
  treatment: string | undefined;
  route: Route | undefined;
  /** set when this is one ingredient of a compounded product being judged on its own */
  compound?: string;
}

/** The date the request is judged at, and which record it came from. */
export interface AsOf {
  date: string;
  from: 'option' | 'item request date' | 'request date' | 'UR denial date' | 'date assigned' | 'last visit' | 'decision date' | 'today';
}

/** How each ingredient of a compounded product was judged on its own. */
export interface IngredientVerdict {
  ingredient: string;
  prediction: 'upheld' | 'overturned' | 'no_rule';
  rule: string | undefined;
}

/** How the surgery an item accompanies was judged, when it is disputed in the same case. */
export interface SurgeryVerdict {
  request: string;
  prediction: 'upheld' | 'overturned' | 'no_rule';
  /** undefined when no rule judged the surgery */
  necessary: boolean | undefined;
}

export class FactContext {
  private readonly memo = new Map<string, unknown>();
  private readonly factMemo = new Map<string, { value: FactValue | undefined; presumed: readonly string[] }>();
  /** presumptions used by the facts being computed, innermost last */
  private readonly computing: Set<string>[] = [];

  constructor(
    readonly kase: Case,
    readonly item: ResolvedItem,
    readonly catalog: Catalog,
    readonly asOf: AsOf,
    /** set when the item is a compounded product, once its ingredients have been judged */
    readonly ingredients?: readonly IngredientVerdict[],
    /** set when the item accompanies a surgery disputed in the same case, once that is judged */
    readonly associatedSurgery?: SurgeryVerdict,
    readonly policy: PresumptionPolicy = STRICT_POLICY,
  ) {}

  /** A fact's value for this item, computed once, with the presumptions its computation used. */
  factValue(def: FactDefinition, params: Readonly<Record<string, unknown>>): FactValue | undefined {
    return this.fact(def, params).value;
  }

  /** The ids of the presumptions a fact's value rests on. */
  presumedBy(def: FactDefinition, params: Readonly<Record<string, unknown>>): readonly string[] {
    return this.fact(def, params).presumed;
  }

  private fact(def: FactDefinition, params: Readonly<Record<string, unknown>>) {
    const key = `${def.name}${JSON.stringify(params)}`;
    let known = this.factMemo.get(key);
    if (!known) {
      const used = new Set<string>();
      this.computing.push(used);
      try {
        known = { value: def.compute(this, params), presumed: [] };
      } finally {
        this.computing.pop();
      }
      known.presumed = [...used];
      // What an inner fact presumed, the fact that read it presumes too.
      for (const outer of this.computing) for (const id of used) outer.add(id);
      this.factMemo.set(key, known);
    }
    return known;
  }

  /**
   * Reads the records' silence as the presumption `id` says, when the policy declares it and the
   * evaluation is not strict: returns what `reading` gives (undefined when it does not apply)
   * and records the presumption against the fact being computed.
   */
  presume<T>(id: string, reading: (params: Readonly<Record<string, number | string>>) => T | undefined): T | undefined {
    const p = this.policy.strict ? undefined : this.policy.presumptions.get(id);
    if (!p) return undefined;
    const value = reading(p.params ?? {});
    if (value !== undefined) for (const used of this.computing) used.add(id);
    return value;
  }

  /** Memoise a derived value under `key` for this item. */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = compute();
    this.memo.set(key, v);
    return v;
  }

  /**
   * History entries whose treatment is `kind`, belongs to the class `kind`, or is a compounded
   * product containing `kind` (a documented Salonpas is a documented methyl salicylate).
   */
  historyOf(kind: string): TreatmentHistoryEntry[] {
    return this.cached(`history:${kind}`, () =>
      (this.kase.treatments ?? []).filter(
        (t) => t.treatment === kind || this.catalog.isA(t.treatment, kind) || (this.catalog.treatment(t.treatment)?.ingredients ?? []).some((g) => this.catalog.isA(g, kind)),
      ),
    );
  }

  /** History entries for the requested treatment itself. */
  itemHistory(): TreatmentHistoryEntry[] {
    const t = this.item.treatment;
    return t === undefined ? [] : this.historyOf(t);
  }
}
