/**
 * Predicts the IMR outcome of one disputed item. Overturned only when every applicable rule's
 * criteria are met; upheld when any rule fails or leaves a criterion undocumented; no_rule when no
 * rule applies. A compounded product is judged ingredient by ingredient first: any ingredient that
 * is not recommended makes the compound not recommended (MTUS Topical Analgesics).
 */
import type { RuleEvaluation } from '../engine/evaluate-rule.js';
import { evaluateRules } from '../engine/evaluate-rule.js';
import { FactContext, type PresumptionPolicy, type AsOf, type IngredientVerdict, type ResolvedItem, type SurgeryVerdict } from '../facts/fact-context.js';
import type { Case, DisputedItem } from '../model/case-schema.js';
import type { Prediction } from '../model/vocabulary.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { ensureNormalised } from '../request/normalise-case.js';
import { asOfFor } from './as-of.js';
import { noRuleOf } from './no-rule.js';
import { recoveryOf, selectByPhase, type PhaseSelection, type Recovery } from './phase-of-care.js';
import { ingredientItem, resolveItem } from './resolve-item.js';
import { satisfied } from './reasons.js';
import { outOfEra } from '../eras/out-of-era.js';
import type { FormularyAnswer } from '../formulary/index.js';
import { formularyForItem } from './formulary-item.js';
import type { NoRule } from './no-rule.js';

export interface Evaluated {
  evaluation: RuleEvaluation;
  ctx: FactContext;
  /** the ingredient this evaluation judged, for compounds */
  ingredient?: string;
}

export interface ItemPrediction {
  /** the item's number in the case, 1-based */
  number: number;
  item: DisputedItem;
  resolved: ResolvedItem;
  ingredients: IngredientVerdict[] | undefined;
  asOf: AsOf;
  prediction: Prediction;
  /** how long after the injury the request is judged, when the records date the injury */
  recovery: Recovery | undefined;
  /** rules set aside, or kept although written for another phase of care */
  phase: Pick<PhaseSelection, 'setAside' | 'outOfPhase'>;
  /** the evaluation that decided the prediction */
  decisive: Evaluated | undefined;
  evaluations: Evaluated[];
  /** why there is no prediction: present exactly when `prediction` is `no_rule` */
  noRule?: NoRule;
  /** the MTUS Drug Formulary's answer, for a drug item judged from 2018-01-01 */
  formulary?: FormularyAnswer;
}

export interface PredictOptions {
  asOf?: string;
  /** read the records literally: no presumption applies */
  strict?: boolean;
  /** internal: judging the surgery another item accompanies, which must not recurse */
  forSibling?: boolean;
  /** a drug list file for formulary answers (the bundled partial list by default) */
  drugList?: string;
}

/** Predicts item `number` (1-based) of the case. */
export async function predictItem(ruleset: Ruleset, given: Case, number: number, opts: PredictOptions = {}): Promise<ItemPrediction> {
  // A case built without recognition (by a library caller) is read once here.
  const kase = ensureNormalised(given, ruleset.catalog);
  const item = kase.items[number - 1];
  if (!Number.isInteger(number) || item === undefined) throw new RangeError(`item ${number}: the case has ${kase.items.length} item(s), numbered from 1`);
  const { resolved, ingredients } = resolveItem(item, number, ruleset.catalog);
  const asOf = asOfFor(kase, item, opts.asOf);
  const recovery = recoveryOf(kase, asOf.date);
  const phase: ItemPrediction['phase'] = { setAside: [], outOfPhase: [] };
  const formulary = opts.forSibling ? undefined : await formularyForItem(ruleset, kase, resolved, asOf, { drugList: opts.drugList });
  const withFormulary = formulary ? { formulary } : {};
  // Outside the encoded eras no rule is evaluated at all: never a prediction from a retired edition.
  const era = outOfEra(ruleset.documents, asOf.date);
  if (era) return { number, item, resolved, ingredients: undefined, asOf, recovery, phase, prediction: 'no_rule', decisive: undefined, evaluations: [], noRule: era, ...withFormulary };
  const policy: PresumptionPolicy = { presumptions: ruleset.presumptions, strict: opts.strict === true };
  const evaluations: Evaluated[] = [];
  let verdicts: IngredientVerdict[] | undefined;

  if (ingredients) {
    verdicts = [];
    for (const ingredient of ingredients) {
      const own = await evaluateAll(ruleset, new FactContext(kase, ingredientItem(resolved, ingredient), ruleset.catalog, asOf, undefined, undefined, policy), recovery, phase, ingredient);
      evaluations.push(...own);
      const p = predictionOf(own);
      verdicts.push({ ingredient, prediction: p.prediction, rule: p.decisive?.evaluation.compiled.rule.id });
    }
  }
  const surgery = opts.forSibling ? undefined : await associatedSurgeryVerdict(ruleset, kase, resolved, opts);
  const ctx = new FactContext(kase, resolved, ruleset.catalog, asOf, verdicts, surgery, policy);
  evaluations.unshift(...(await evaluateAll(ruleset, ctx, recovery, phase)));

  let { prediction, decisive } = predictionOf(evaluations);
  // An ingredient no rule covers leaves the compound unjudged, unless a criterion already fails it:
  // its undocumented verdict must not pass for "not documented".
  const unjudged = verdicts?.some((v) => v.prediction === 'no_rule') && !verdicts.some((v) => v.prediction === 'upheld');
  if (unjudged && decisive?.evaluation.status !== 'not_met') {
    prediction = 'no_rule';
    decisive = undefined;
  }
  const noRule = prediction === 'no_rule' ? noRuleOf(item, resolved, verdicts) : undefined;
  return { number, item, resolved, ingredients: verdicts, asOf, recovery, phase, prediction, decisive, evaluations, ...(noRule ? { noRule } : {}), ...withFormulary };
}

/** The accompanying surgery's own prediction, when it is disputed in the same case and not documented as authorized. */
async function associatedSurgeryVerdict(ruleset: Ruleset, kase: Case, resolved: ResolvedItem, opts: PredictOptions): Promise<SurgeryVerdict | undefined> {
  const surgery = resolved.item.associated_surgery;
  if (surgery === undefined || resolved.item.associated_surgery_authorized !== undefined) return undefined;
  const sibling = kase.items.findIndex((other, k) => {
    if (k + 1 === resolved.number) return false;
    const t = resolveItem(other, k + 1, ruleset.catalog).resolved.treatment;
    return t !== undefined && ruleset.catalog.isA(t, surgery);
  });
  if (sibling < 0) return undefined;
  const p = await predictItem(ruleset, kase, sibling + 1, { ...opts, forSibling: true });
  return { request: p.item.request, prediction: p.prediction, necessary: p.prediction === 'no_rule' ? undefined : p.prediction === 'overturned' };
}

async function evaluateAll(ruleset: Ruleset, ctx: FactContext, recovery: Recovery | undefined, phase: ItemPrediction['phase'], ingredient?: string): Promise<Evaluated[]> {
  const selected = ruleset.index.select({
    treatment: ctx.item.treatment,
    route: ctx.item.route,
    regions: ctx.item.item.body_region,
    date: ctx.asOf.date,
  });
  const { rules, setAside, outOfPhase } = selectByPhase(selected, ctx.asOf.date, recovery, ruleset.documents);
  phase.setAside.push(...setAside);
  phase.outOfPhase.push(...outOfPhase);
  return (await evaluateRules(rules, ctx)).map((evaluation) => ({ evaluation, ctx, ...(ingredient ? { ingredient } : {}) }));
}

/** Upheld if any rule upholds (a failed criterion decides before an undocumented one). */
function predictionOf(evaluations: readonly Evaluated[]): { prediction: Prediction; decisive: Evaluated | undefined } {
  if (evaluations.length === 0) return { prediction: 'no_rule', decisive: undefined };
  const upheld = evaluations.filter((e) => e.evaluation.outcome === 'upheld');
  if (upheld.length === 0) return { prediction: 'overturned', decisive: mostSpecific(evaluations) };
  const failed = upheld.find((e) => e.evaluation.status === 'not_met');
  return { prediction: 'upheld', decisive: failed ?? upheld[0] };
}

/**
 * When every rule is met, the one that speaks most directly to the item explains it best: a rule
 * naming the treatment itself before one naming its class, then the one with most criteria met.
 */
function mostSpecific(evaluations: readonly Evaluated[]): Evaluated | undefined {
  const score = (e: Evaluated) => {
    const named = e.evaluation.compiled.rule.applies_to.treatments?.includes(e.ctx.item.treatment ?? '') ? 1000 : 0;
    return named + satisfied(e).length;
  };
  return evaluations.reduce<Evaluated | undefined>((best, e) => (best === undefined || score(e) > score(best) ? e : best), undefined);
}
