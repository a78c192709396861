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

interface Known {
  value: FactValue | undefined;
  presumed: readonly string[];
}

/** A computation in progress: the presumptions it used, and whether it read the item. */
interface Frame {
  used?: Set<string>;
  readsItem?: boolean;
}

export class FactContext {
  private readonly memo = new Map<string, { value: unknown; readsItem: boolean }>();
  private readonly factMemo = new Map<string, Known>();
  /** the fact and derived-value computations in progress, innermost last */
  private readonly computing: Frame[] = [];
  /** facts of the whole case (they read no item), shared by the items judged at the same date */
  private readonly caseFacts: Map<string, Known>;

  constructor(
    readonly kase: Case,
    private readonly resolvedItem: ResolvedItem,
    readonly catalog: Catalog,
    readonly asOf: AsOf,
    /** set when the item is a compounded product, once its ingredients have been judged */
    private readonly ingredientVerdicts?: readonly IngredientVerdict[],
    /** set when the item accompanies a surgery disputed in the same case, once that is judged */
    private readonly surgeryVerdict?: SurgeryVerdict,
    readonly policy: PresumptionPolicy = STRICT_POLICY,
  ) {
    this.caseFacts = caseFactsFor(this);
  }

  /** The item; a fact that reads it (or what is judged with it) is a fact of this item alone. */
  get item(): ResolvedItem {
    this.readsItem();
    return this.resolvedItem;
  }

  get ingredients(): readonly IngredientVerdict[] | undefined {
    this.readsItem();
    return this.ingredientVerdicts;
  }

  get associatedSurgery(): SurgeryVerdict | undefined {
    this.readsItem();
    return this.surgeryVerdict;
  }

  private readsItem(): void {
    const top = this.computing[this.computing.length - 1];
    if (top) top.readsItem = true;
  }

  /** A computation ends: what it read of the item, the computation that used it read too. */
  private ended(frame: Frame): void {
    if (frame.readsItem) this.readsItem();
  }

  /** A fact's value for this item, computed once, with the presumptions its computation used. */
  factValue(def: FactDefinition, params: Readonly<Record<string, unknown>>): FactValue | undefined {
    return this.fact(def, params).value;
  }

  /** The ids of the presumptions a fact's value rests on. */
  presumedBy(def: FactDefinition, params: Readonly<Record<string, unknown>>): readonly string[] {
    return this.fact(def, params).presumed;
  }

  /** The same, for a caller that already holds the memo key (`factKey`) of this read. */
  factValueKeyed(def: FactDefinition, params: Readonly<Record<string, unknown>>, key: string): FactValue | undefined {
    return this.fact(def, params, key).value;
  }

  private fact(def: FactDefinition, params: Readonly<Record<string, unknown>>, key = factKey(def, params)): Known {
    let known = this.factMemo.get(key);
    if (known) return known;
    known = this.caseFacts.get(key);
    if (known) {
      // First read for this item: as if computed here, what it presumed, the reader presumes too.
      this.inherit(known.presumed);
    } else {
      const frame: Frame = {};
      this.computing.push(frame);
      try {
        known = { value: def.compute(this, params), presumed: NONE };
      } finally {
        this.computing.pop();
      }
      if (frame.used) {
        known.presumed = [...frame.used];
        this.inherit(known.presumed);
      }
      this.ended(frame);
      if (!frame.readsItem) this.caseFacts.set(key, known);
    }
    this.factMemo.set(key, known);
    return known;
  }

  /** What an inner fact presumed, the facts being computed that read it presume too. */
  private inherit(presumed: readonly string[]): void {
    if (presumed.length === 0) return;
    for (const outer of this.computing) for (const id of presumed) (outer.used ??= new Set()).add(id);
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
    if (value !== undefined) for (const frame of this.computing) (frame.used ??= new Set()).add(id);
    return value;
  }

  /** Memoise a derived value under `key` for this item. */
  cached<T>(key: string, compute: () => T): T {
    const hit = this.memo.get(key);
    if (hit !== undefined) {
      if (hit.readsItem) this.readsItem();
      return hit.value as T;
    }
    const frame: Frame = {};
    this.computing.push(frame);
    let value: T;
    try {
      value = compute();
    } finally {
      this.computing.pop();
    }
    // Presumptions used inside were recorded against the facts in progress already.
    this.ended(frame);
    this.memo.set(key, { value, readsItem: frame.readsItem === true });
    return value;
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

/**
 * The shared memo of case facts for a context: per case, catalog, presumptions in force and the
 * date the items are judged at. Items of one case judged at the same date compute each once.
 */
const caseFactMemos = new WeakMap<Case, Map<string, Map<string, Known>>>();
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
};

function caseFactsFor(ctx: FactContext): Map<string, Known> {
  let byContext = caseFactMemos.get(ctx.kase);
  if (!byContext) caseFactMemos.set(ctx.kase, (byContext = new Map()));
  const key = `${idOf(ctx.catalog)}|${idOf(ctx.policy.presumptions)}|${ctx.policy.strict}|${ctx.asOf.date}|${ctx.asOf.from}`;
  let facts = byContext.get(key);
  if (!facts) byContext.set(key, (facts = new Map()));
  return facts;
}

const NONE: readonly string[] = Object.freeze([]);

/** The memo key of a fact read with these parameters (no parameters need no more than the name). */
export function factKey(def: FactDefinition, params: Readonly<Record<string, unknown>> | undefined): string {
  if (params === undefined) return def.name;
  for (const _ in params) return `${def.name}${JSON.stringify(params)}`;
  return def.name;
}
