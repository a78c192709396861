/**
 * Why an item gets no prediction. `no_rule` is an answer, and it always says which kind:
 * - unrecognised_request: the request text could not be read as a treatment (detail: the text);
 * - no_rule_for_treatment: it was read, but no rule covers that treatment (detail: the normalised treatment);
 * - ingredient_without_rule: a compound has an ingredient no rule covers (detail: the ingredients);
 * - out_of_era: no encoded guideline is in force on the date the request is judged at (detail: the
 *   guideline in force then, and why the tool has no rule for it).
 */
export const NO_RULE_REASONS = ['unrecognised_request', 'no_rule_for_treatment', 'ingredient_without_rule', 'out_of_era'] as const;
export type NoRuleReasonCode = (typeof NO_RULE_REASONS)[number];

/** Carried by an item prediction whose prediction is `no_rule` (and only then). JSON: `no_rule: { reason, detail }`. */
export interface NoRule {
  reason: NoRuleReasonCode;
  detail: string;
}
