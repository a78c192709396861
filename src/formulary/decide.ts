/**
 * Does a drug request need authorization through prospective review under the MTUS Drug Formulary
 * (8 CCR 9792.27.1-9792.27.23)? The answer names the drug's status, the policy that decides, each
 * fill policy's conditions with what met or failed them, and the sections it rests on. What the
 * request does not say (injury date, days of supply, ...) is "not documented", never assumed: a
 * policy that waives review applies only when all its conditions are shown.
 */
import { daysBetween } from '../facts/dates.js';
import type { DrugList, Policies } from './data.js';
import type { DrugListEntry, PolicyId } from './schema.js';

export interface FormularyRequest {
  /** the drug as written ("Norco 10/325 #120") */
  drug: string;
  /** the ingredient when already known (a catalog id); else read from `drug` */
  ingredient?: string;
  /** the date of service: when the drug is prescribed or dispensed */
  date: string;
  injury?: string;
  surgery?: string;
  /** days of supply */
  days?: number;
  /** a brand-name product; read from the name when not given */
  brand?: boolean;
  compound?: boolean;
  physicianDispensed?: boolean;
  /** the single initial treatment visit after the injury */
  initialVisit?: boolean;
  offLabel?: boolean;
}

export type CheckStatus = 'met' | 'not_met' | 'not_documented';

export interface FormularyCheck {
  text: string;
  status: CheckStatus;
  evidence: string;
}

export interface FillCheck {
  policy: 'special_fill' | 'perioperative_fill' | 'physician_dispensed';
  section: string;
  days_allowed: number;
  /** true when every condition is met, false when one fails, null when one is not documented */
  applies: boolean | null;
  checks: FormularyCheck[];
}

export interface FormularyCitation {
  policy: PolicyId;
  title: string;
  section: string;
  url?: string;
  verified: boolean;
}

export type FormularyStatus = 'exempt' | 'non_exempt' | 'unlisted' | 'compounded' | 'not_in_force';

export interface FormularyAnswer {
  drug: string;
  ingredient: string | null;
  date: string;
  status: FormularyStatus;
  prospective_review: 'required' | 'not_required' | 'not_applicable';
  /** the policy that decides */
  policy: PolicyId;
  because: string;
  /** provisos the answer holds under */
  conditions: string[];
  fills: FillCheck[];
  citations: FormularyCitation[];
  list: { version: string; effective: string; complete: boolean; source: string; entry_verified: boolean | null };
}

export interface FormularyContext {
  list: DrugList;
  policies: Policies;
  /** the first date of service the formulary applies to (from the document registry) */
  inForceFrom: string;
}

const DISPENSE_AS_WRITTEN = /\b(DAW|dispense as written|do not substitute|brand(?:[- ]name)? (?:only|medically necessary|required))\b/i;
const IN_ACCORD = 'prescribed in accordance with the MTUS Treatment Guidelines';

export function formularyAnswer(req: FormularyRequest, ctx: FormularyContext): FormularyAnswer {
  const entry = req.compound ? undefined : ctx.list.find(req.ingredient ?? req.drug) ?? (req.ingredient ? ctx.list.find(req.drug) : undefined);
  const cited = new Set<PolicyId>(['scope']);
  const conditions: string[] = [];
  const fills: FillCheck[] = [];
  const answer = (status: FormularyStatus, review: FormularyAnswer['prospective_review'], policy: PolicyId, because: string): FormularyAnswer => {
    cited.add(policy);
    return {
      drug: req.drug,
      ingredient: entry?.ingredient ?? req.ingredient ?? null,
      date: req.date,
      status,
      prospective_review: review,
      policy,
      because,
      conditions,
      fills,
      citations: [...cited].map((id) => citation(ctx.policies, id)),
      list: { ...ctx.list.meta, entry_verified: entry ? entry.verified : null },
    };
  };

  if (req.date < ctx.inForceFrom) {
    return answer('not_in_force', 'not_applicable', 'scope', `the MTUS Drug Formulary applies to drugs dispensed on or after ${ctx.inForceFrom}; on ${req.date} it was not in force`);
  }
  if (req.date < ctx.list.meta.effective) conditions.push(`the drug list used (${ctx.list.meta.version}) took effect ${ctx.list.meta.effective}, after the date of service: use the list in force then`);
  if (req.compound) {
    return answer('compounded', 'required', 'compounded', 'a compounded drug always needs authorization through prospective review, with its patient-specific medical necessity documented');
  }
  if (!entry) {
    const partial = ctx.list.meta.complete ? '' : `; the list used is partial (${ctx.list.meta.version}), so check the official MTUS Drug List (mtus formulary load)`;
    return answer('unlisted', 'required', 'unlisted', `'${req.ingredient ?? req.drug}' is not on the MTUS Drug List used: an Unlisted drug needs authorization through prospective review${partial}`);
  }
  // A brand named in a request is usually dispensed as its generic: only a brand that must be
  // dispensed as written ("Do Not Substitute", 9792.27.7) counts as a brand-name request.
  const named = ctx.list.brandIn(entry, req.drug);
  const brand = req.brand ?? DISPENSE_AS_WRITTEN.test(req.drug);
  const brandName = brand ? named ?? req.drug : undefined;
  const brandWithGeneric = brandName !== undefined && entry.generic_available !== false;
  if (named && !brand && entry.generic_available !== false) {
    conditions.push(`dispensed as generic ${entry.ingredient} (named by its brand ${named}; the brand itself, "Dispense as Written", would need prospective review under 8 CCR 9792.27.7)`);
    cited.add('brand_name');
  }

  if (entry.status === 'exempt') {
    cited.add('exempt');
    if (brandWithGeneric) {
      return answer('exempt', 'required', 'brand_name', `${brandName} is a brand name of Exempt ${entry.ingredient}, and a generic is available: the brand needs documented medical necessity and authorization through prospective review`);
    }
    if (req.offLabel) {
      conditions.push('no prospective review only if the MTUS Treatment Guideline recommends this off-label use (the tool cannot read the licensed ACOEM text)');
      return answer('exempt', 'required', 'off_label', `an Exempt drug for an off-label use needs prospective review unless the MTUS Treatment Guideline recommends that use`);
    }
    if (req.physicianDispensed) {
      const fill = physicianDispensedCheck(req);
      fills.push(fill);
      if (fill.applies === true) {
        conditions.push(IN_ACCORD);
        return answer('exempt', 'not_required', 'physician_dispensed', `a physician may dispense Exempt ${entry.ingredient} without prospective review as one supply of up to 7 days at the initial visit within 7 days of the injury, and this request is that`);
      }
      return answer('exempt', 'required', 'physician_dispensed', `physician-dispensed Exempt ${entry.ingredient} needs prospective review beyond one 7-day supply at the initial visit within 7 days of the injury: ${failures(fill)}`);
    }
    conditions.push(IN_ACCORD);
    return answer('exempt', 'not_required', 'exempt', `${entry.ingredient} is Exempt on the MTUS Drug List: no prospective review is needed`);
  }

  cited.add('non_exempt');
  if (entry.special_fill_days) fills.push(specialFillCheck(req, entry, brandWithGeneric));
  if (entry.perioperative_fill_days) fills.push(perioperativeFillCheck(req, entry, brandWithGeneric));
  for (const f of fills) cited.add(f.policy);
  const applying = fills.find((f) => f.applies === true);
  if (applying) {
    conditions.push(IN_ACCORD);
    const what = applying.policy === 'special_fill' ? 'Special Fill' : 'Perioperative Fill';
    return answer('non_exempt', 'not_required', applying.policy, `${entry.ingredient} is Non-Exempt, but ${what} applies: every condition is met (up to ${applying.days_allowed} days of supply)`);
  }
  const why = fills.length === 0 ? 'the list allows it no Special Fill or Perioperative Fill' : fills.map((f) => `${f.policy === 'special_fill' ? 'Special Fill' : 'Perioperative Fill'} ${f.applies === false ? 'fails' : 'cannot be confirmed'}: ${failures(f)}`).join('; ');
  return answer('non_exempt', 'required', 'non_exempt', `${entry.ingredient} is Non-Exempt on the MTUS Drug List and needs authorization through prospective review; ${why}`);
}

function citation(policies: Policies, id: PolicyId): FormularyCitation {
  const p = policies.get(id);
  if (!p) return { policy: id, title: id, section: '8 CCR 9792.27.1-9792.27.23', verified: false };
  return { policy: id, title: p.title, section: p.section, ...(p.url ? { url: p.url } : {}), verified: p.verified };
}

function failures(f: FillCheck): string {
  const bad = f.checks.filter((c) => c.status === 'not_met');
  const open = f.checks.filter((c) => c.status === 'not_documented');
  return [...bad.map((c) => `${c.text} (${c.evidence})`), ...open.map((c) => `${c.text} (not documented)`)].join('; ');
}

function applies(checks: FormularyCheck[]): boolean | null {
  if (checks.some((c) => c.status === 'not_met')) return false;
  return checks.every((c) => c.status === 'met') ? true : null;
}

const check = (text: string, status: CheckStatus, evidence: string): FormularyCheck => ({ text, status, evidence });

/** Within 7 days of the injury, the day after the injury being day one (9792.27.12(c)). */
function withinSevenDaysOfInjury(req: FormularyRequest): FormularyCheck {
  const text = 'the visit is within 7 days of the date of injury';
  if (!req.injury) return check(text, 'not_documented', 'no date of injury');
  const day = daysBetween(req.injury, req.date);
  return check(text, day >= 0 && day <= 7 ? 'met' : 'not_met', `day ${day} after the injury of ${req.injury}`);
}

function initialVisit(req: FormularyRequest): FormularyCheck {
  const text = 'it is the single initial treatment visit after the injury';
  if (req.initialVisit === undefined) return check(text, 'not_documented', 'whether this is the initial visit is not stated');
  return check(text, req.initialVisit ? 'met' : 'not_met', req.initialVisit ? 'the initial visit' : 'not the initial visit');
}

function supplyWithin(req: FormularyRequest, limit: number): FormularyCheck {
  const text = `the supply is no more than ${limit} days`;
  if (req.days === undefined) return check(text, 'not_documented', 'days of supply not given');
  return check(text, req.days <= limit ? 'met' : 'not_met', `${req.days} days of supply`);
}

function genericOrSingleSource(brandWithGeneric: boolean): FormularyCheck {
  const text = 'an FDA-approved generic or single-source brand (or a brand whose need the physician documents)';
  return brandWithGeneric ? check(text, 'not_met', 'a brand name with a generic available, without documented need') : check(text, 'met', 'not a brand name with a generic available');
}

function specialFillCheck(req: FormularyRequest, entry: DrugListEntry, brandWithGeneric: boolean): FillCheck {
  const checks = [withinSevenDaysOfInjury(req), initialVisit(req), supplyWithin(req, entry.special_fill_days!), genericOrSingleSource(brandWithGeneric)];
  return { policy: 'special_fill', section: '8 CCR 9792.27.12', days_allowed: entry.special_fill_days!, applies: applies(checks), checks };
}

/** 4 days before to 4 days after surgery, the day of surgery being day zero (9792.27.13(b)). */
function perioperativeFillCheck(req: FormularyRequest, entry: DrugListEntry, brandWithGeneric: boolean): FillCheck {
  const text = 'prescribed in the perioperative period (4 days before to 4 days after surgery)';
  let period: FormularyCheck;
  if (!req.surgery) period = check(text, 'not_documented', 'no surgery date');
  else {
    const day = daysBetween(req.surgery, req.date);
    const shown = day === 0 ? 'the day of surgery (day zero)' : `day ${day > 0 ? '+' : ''}${day} from surgery on ${req.surgery}`;
    period = check(text, Math.abs(day) <= 4 ? 'met' : 'not_met', shown);
  }
  const checks = [period, supplyWithin(req, entry.perioperative_fill_days!), genericOrSingleSource(brandWithGeneric)];
  return { policy: 'perioperative_fill', section: '8 CCR 9792.27.13', days_allowed: entry.perioperative_fill_days!, applies: applies(checks), checks };
}

function physicianDispensedCheck(req: FormularyRequest): FillCheck {
  const checks = [withinSevenDaysOfInjury(req), initialVisit(req), supplyWithin(req, 7)];
  return { policy: 'physician_dispensed', section: '8 CCR 9792.27.8', days_allowed: 7, applies: applies(checks), checks };
}
