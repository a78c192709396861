/**
 * A disputed drug item judged from 2018-01-01 gets the MTUS Drug Formulary's answer beside (or, out
 * of the encoded eras, instead of) a prediction: whether it needs prospective review, and why.
 * The request is built from the case's own facts only; what they do not give stays undocumented.
 */
import { FACTS } from '../facts/registry.js';
import { FactContext, type AsOf, type ResolvedItem } from '../facts/fact-context.js';
import { daysBetween } from '../facts/dates.js';
import type { FormularyAnswer, FormularyRequest } from '../formulary/index.js';
import { formularyStart } from '../formulary/in-force.js';
import type { Case } from '../model/case-schema.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';

export interface FormularyItemOptions {
  /** a drug list file (as `mtus formulary load` writes); the bundled partial list by default */
  drugList?: string;
}

export async function formularyForItem(ruleset: Ruleset, kase: Case, resolved: ResolvedItem, asOf: AsOf, opts: FormularyItemOptions = {}): Promise<FormularyAnswer | undefined> {
  if (asOf.date < formularyStart(ruleset.documents)) return undefined;
  const entry = resolved.treatment ? ruleset.catalog.treatment(resolved.treatment) : undefined;
  const compound = entry?.kind === 'compound' || (resolved.item.ingredients?.length ?? 0) > 1;
  if (!compound && entry?.kind !== 'drug') return undefined;
  const request: FormularyRequest = {
    drug: resolved.item.request,
    ...(resolved.treatment && !compound ? { ingredient: resolved.treatment.replace(/_/g, ' ') } : {}),
    date: asOf.date,
    ...(kase.dates?.injury ? { injury: kase.dates.injury } : {}),
    ...surgeryNear(ruleset, kase, asOf.date),
    ...daysOfSupply(ruleset, kase, resolved, asOf),
    ...(compound ? { compound: true } : {}),
  };
  // The formulary's data and schemas load only for an item it applies to.
  const { answerFormulary } = await import('../formulary/index.js');
  return answerFormulary(request, { list: opts.drugList, registry: ruleset.documents });
}

/** Days of supply only when the request gives both quantity and frequency (an estimate is not a fact here). */
function daysOfSupply(ruleset: Ruleset, kase: Case, resolved: ResolvedItem, asOf: AsOf): { days?: number } {
  if (resolved.item.frequency === undefined || resolved.item.quantity === undefined) return {};
  const days = FACTS.get('days_supply')?.compute(new FactContext(kase, resolved, ruleset.catalog, asOf), {});
  return typeof days === 'number' ? { days: Math.ceil(days) } : {};
}

/** The dated surgery nearest the date of service, for the perioperative period. */
function surgeryNear(ruleset: Ruleset, kase: Case, date: string): { surgery?: string } {
  const dated = (kase.procedures ?? []).filter((p) => p.date && ruleset.catalog.treatment(p.procedure)?.kind === 'surgery');
  const nearest = dated.sort((a, b) => Math.abs(daysBetween(a.date!, date)) - Math.abs(daysBetween(b.date!, date)))[0];
  return nearest ? { surgery: nearest.date! } : {};
}
