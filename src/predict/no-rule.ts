/**
 * Why an item gets no prediction. `no_rule` is an answer, and it always says which kind:
 * - unrecognised_request: the request text could not be read as a treatment (detail: the text);
 * - no_rule_for_treatment: it was read, but no rule covers that treatment (detail: the normalised treatment);
 * - ingredient_without_rule: a compound has an ingredient no rule covers (detail: the ingredients);
 * - out_of_era: no encoded guideline is in force on the date the request is judged at (detail: the
 *   guideline in force then, and why the tool has no rule for it).
 */
import type { IngredientVerdict, ResolvedItem } from '../facts/fact-context.js';
import type { DisputedItem } from '../model/case-schema.js';

export const NO_RULE_REASONS = ['unrecognised_request', 'no_rule_for_treatment', 'ingredient_without_rule', 'out_of_era'] as const;
export type NoRuleReasonCode = (typeof NO_RULE_REASONS)[number];

/** Carried by an item prediction whose prediction is `no_rule` (and only then). JSON: `no_rule: { reason, detail }`. */
export interface NoRule {
  reason: NoRuleReasonCode;
  detail: string;
}

/**
 * Why an item that no rule judged got no prediction: its request could not be read; or one of its
 * ingredients has no rule; or no rule covers the treatment it was read as.
 */
export function noRuleOf(item: DisputedItem, resolved: ResolvedItem, ingredients: readonly IngredientVerdict[] | undefined): NoRule {
  if (resolved.treatment === undefined) return { reason: 'unrecognised_request', detail: item.request };
  const open = ingredients?.filter((v) => v.prediction === 'no_rule').map((v) => v.ingredient) ?? [];
  if (open.length > 0) return { reason: 'ingredient_without_rule', detail: open.join(', ') };
  return { reason: 'no_rule_for_treatment', detail: resolved.treatment };
}
