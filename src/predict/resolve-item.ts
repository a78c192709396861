/**
 * Resolves a normalised disputed item (its request already read where the case was built) to the
 * treatment and route the rules are selected by. No request text is read here: the fields the case
 * states or recognition filled are taken as they are; the route falls back to the catalog's usual
 * route for the drug (Flexeril is oral); an item linked to a surgery is read with the catalog's
 * derived readings (active therapy after a surgery is postsurgical therapy).
 */
import type { Catalog } from '../catalog/catalog.js';
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

/** `number` is the item's 1-based number in its case. */
export function resolveItem(item: DisputedItem, number: number, catalog: Catalog): ItemResolution {
  const entry = item.treatment ? catalog.treatment(item.treatment) : undefined;
  const ownIngredients = entry?.kind === 'compound' ? entry.ingredients : undefined;
  const ingredients = item.ingredients ?? ownIngredients;
  const named = ingredients ? (ownIngredients ? entry!.id : COMPOUND) : item.treatment;
  const treatment = withSurgery(named, item, catalog);
  const route = item.route ?? (ingredients ? ownRoute(entry) ?? 'topical' : entry?.route);
  return { resolved: { item, number, treatment, route }, ingredients };
}

/**
 * An item the case links to a surgery ("Associated surgical service: Physical therapy, times 12"
 * with `associated_surgery`) is read as serving it, by the catalog's derived readings that need
 * nothing but the surgery (vocabulary `derived` with `perioperative: post` or `any`).
 */
function withSurgery(treatment: string | undefined, item: DisputedItem, catalog: Catalog): string | undefined {
  if (!treatment || !item.associated_surgery) return treatment;
  const derived = (catalog.vocabulary.derived ?? []).find(
    (d) => (d.perioperative === 'post' || d.perioperative === 'any') && !d.head && !d.regions && catalog.isA(treatment, d.object) && catalog.isTreatment(d.treatment),
  );
  return derived?.treatment ?? treatment;
}

function ownRoute(entry: { kind: string; route?: Route } | undefined): Route | undefined {
  return entry?.kind === 'compound' ? entry.route : undefined;
}

/** One ingredient of a compound, judged as a product of its own by the same route. */
export function ingredientItem(parent: ResolvedItem, ingredient: string): ResolvedItem {
  return { item: parent.item, number: parent.number, treatment: ingredient, route: parent.route, compound: parent.treatment };
}
