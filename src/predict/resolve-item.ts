/**
 * Normalises a disputed item through the catalog: fields the case states are kept as stated;
 * fields it leaves out are read from the request text where the text states them; the route
 * falls back to the catalog's usual route for the drug (Flexeril is oral).
 */
import type { Catalog } from '../catalog/catalog.js';
import { parseRequest, type ParsedRequest } from '../catalog/parse-request.js';
import type { DisputedItem } from '../model/case-schema.js';
import type { Route } from '../model/vocabulary.js';
import type { ResolvedItem } from '../facts/fact-context.js';

/** Pseudo-treatment for a compounded product the catalog does not list by name. */
export const COMPOUND = 'compound';

export interface ItemResolution {
  resolved: ResolvedItem;
  /** catalog ids of the ingredients, when the item is a compounded product */
  ingredients: string[] | undefined;
}

/**
 * Request texts repeat across a corpus ("MRI of the lumbar spine"): each distinct text is read
 * once per catalog. Bounded, so a stream of unique texts cannot grow it without limit.
 */
const parsedByCatalog = new WeakMap<Catalog, Map<string, Readonly<ParsedRequest>>>();
const MAX_REMEMBERED = 10_000;

function parsedRequest(text: string, catalog: Catalog): Readonly<ParsedRequest> {
  let memo = parsedByCatalog.get(catalog);
  if (!memo) parsedByCatalog.set(catalog, (memo = new Map()));
  let parsed = memo.get(text);
  if (!parsed) {
    if (memo.size >= MAX_REMEMBERED) memo.clear();
    parsed = parseRequest(text, catalog);
    memo.set(text, parsed);
  }
  return parsed;
}

/** `number` is the item's 1-based number in its case. */
export function resolveItem(item: DisputedItem, number: number, catalog: Catalog): ItemResolution {
  const parsed = parsedRequest(item.request, catalog);
  const filled: DisputedItem = { ...parsed, ...item };
  const entry = filled.treatment ? catalog.treatment(filled.treatment) : undefined;
  const ownIngredients = entry?.kind === 'compound' ? entry.ingredients : undefined;
  const ingredients = item.ingredients ?? ownIngredients ?? (item.treatment ? undefined : parsed.ingredients);
  const named = ingredients ? (ownIngredients ? entry!.id : COMPOUND) : filled.treatment;
  const treatment = postsurgical(named, filled, catalog);
  const route = filled.route ?? (ingredients ? ownRoute(entry) ?? 'topical' : entry?.route);
  return { resolved: { item: filled, number, treatment, route }, ingredients };
}

/**
 * Active therapy that accompanies a surgery ("Associated surgical service: Physical therapy,
 * times 12") is postsurgical therapy, judged by the MTUS Postsurgical Treatment Guidelines.
 */
export const POSTSURGICAL_THERAPY = 'postsurgical_therapy';

function postsurgical(treatment: string | undefined, item: DisputedItem, catalog: Catalog): string | undefined {
  if (!treatment || !item.associated_surgery || !catalog.isTreatment(POSTSURGICAL_THERAPY)) return treatment;
  return catalog.isA(treatment, 'active_therapy') ? POSTSURGICAL_THERAPY : treatment;
}

function ownRoute(entry: { kind: string; route?: Route } | undefined): Route | undefined {
  return entry?.kind === 'compound' ? entry.route : undefined;
}

/** One ingredient of a compound, judged as a product of its own by the same route. */
export function ingredientItem(parent: ResolvedItem, ingredient: string): ResolvedItem {
  return { item: parent.item, number: parent.number, treatment: ingredient, route: parent.route, compound: parent.treatment };
}
