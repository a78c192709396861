/** Facts about the disputed item itself: what, how much, how often, where, and whether it matches the records. */
import { dosesPerDay } from '../catalog/frequency.js';
import { defineFacts } from './fact-types.js';
import type { FactContext } from './fact-context.js';

function perDay(ctx: FactContext): number | undefined {
  const f = ctx.item.item.frequency;
  return f === undefined ? undefined : dosesPerDay(f);
}

function maxPerDay(ctx: FactContext): number | undefined {
  const t = ctx.item.treatment;
  return t === undefined ? undefined : ctx.catalog.treatment(t)?.max_daily_doses;
}

export const itemFacts = defineFacts(
  {
    name: 'requested_treatment',
    type: 'string',
    description: 'catalog id of the requested treatment',
    compute: (ctx) => ctx.item.treatment,
  },
  {
    name: 'route',
    type: 'string',
    description: 'route of the requested treatment (oral, topical, intravenous, ...)',
    compute: (ctx) => ctx.item.route,
  },
  {
    name: 'quantity',
    type: 'number',
    description: 'quantity requested (units as dispensed)',
    compute: (ctx) => ctx.item.item.quantity,
  },
  {
    name: 'doses_per_day',
    type: 'number',
    description: 'doses a day, from the frequency as written',
    compute: perDay,
    explain: (ctx) => ctx.item.item.frequency && `frequency "${ctx.item.item.frequency}"`,
  },
  {
    name: 'days_supply',
    type: 'number',
    description: 'days the requested quantity lasts: at the requested frequency, or at the most doses a day the drug is taken when no frequency is given',
    compute: (ctx) => {
      const q = ctx.item.item.quantity;
      const d = perDay(ctx) ?? maxPerDay(ctx);
      return q !== undefined && d !== undefined && d > 0 ? Math.round((q / d) * 10) / 10 : undefined;
    },
    explain: (ctx) => {
      const f = ctx.item.item.frequency;
      return `#${ctx.item.item.quantity ?? '?'} ${f ? `at "${f}"` : `at no more than ${maxPerDay(ctx) ?? '?'} a day`}`;
    },
  },
  {
    name: 'requested_visits',
    type: 'number',
    description: 'sessions requested',
    compute: (ctx) => ctx.item.item.visits,
  },
  {
    name: 'requested_weeks',
    type: 'number',
    description: 'weeks over which the sessions are requested',
    compute: (ctx) => ctx.item.item.weeks,
  },
  {
    name: 'visits_per_week',
    type: 'number',
    description: 'sessions a week requested (sessions over weeks)',
    compute: (ctx) => {
      const { visits, weeks } = ctx.item.item;
      return visits !== undefined && weeks !== undefined && weeks > 0 ? Math.round((visits / weeks) * 10) / 10 : undefined;
    },
  },
  {
    name: 'total_visits',
    type: 'number',
    description: 'sessions of the requested therapy already completed plus those requested',
    compute: (ctx) => {
      const requested = ctx.item.item.visits;
      const done = ctx.itemHistory().filter((e) => e.visits !== undefined);
      if (requested === undefined || done.length === 0) return undefined;
      return requested + done.reduce((n, e) => n + e.visits!, 0);
    },
  },
  {
    name: 'approved_visits',
    type: 'number',
    description: 'sessions of the original request UR already approved (the item is the remaining portion)',
    compute: (ctx) => ctx.item.item.ur_approved?.visits,
  },
  {
    name: 'rental_days',
    type: 'number',
    description: 'days of rental requested, for equipment',
    compute: (ctx) => ctx.item.item.rental_days,
  },
  {
    name: 'side',
    type: 'string',
    description: 'left, right or bilateral',
    compute: (ctx) => ctx.item.item.side,
  },
  {
    name: 'body_region',
    type: 'list',
    description: 'body regions the item is for',
    compute: (ctx) => ctx.item.item.body_region,
  },
  {
    name: 'acquisition',
    type: 'string',
    description: 'purchase or rental, for equipment',
    compute: (ctx) => ctx.item.item.acquisition,
  },
  {
    name: 'retrospective',
    type: 'boolean',
    description: 'the request is for a service already given',
    compute: (ctx) => ctx.item.item.retrospective,
  },
  {
    name: 'request_conflicts_records',
    type: 'boolean',
    description: 'the records describe the request differently from the item as worded (another drug or route); false when the version they record is the same; absent when they record no version of their own',
    compute: (ctx) => {
      const shown = ctx.item.item.records_show;
      if (!shown) return undefined;
      const otherTreatment = shown.treatment !== undefined && shown.treatment !== ctx.item.treatment;
      const otherRoute = shown.route !== undefined && shown.route !== ctx.item.route;
      return otherTreatment || otherRoute;
    },
    explain: (ctx) => {
      const s = ctx.item.item.records_show;
      return s ? `requested "${ctx.item.item.request}"; the records show ${s.text ?? [s.treatment, s.route].filter(Boolean).join(', ')}` : 'no other version of the request on record';
    },
  },
  {
    name: 'ingredients_not_recommended',
    type: 'list',
    description: 'ingredients of a compounded product that are not recommended on their own; absent when an ingredient has no rule and none fails',
    compute: (ctx) => {
      const verdicts = ctx.ingredients;
      if (!verdicts) return undefined;
      const failing = verdicts.filter((v) => v.prediction === 'upheld').map((v) => v.ingredient);
      if (failing.length === 0 && verdicts.some((v) => v.prediction === 'no_rule')) return undefined;
      return failing;
    },
    explain: (ctx) =>
      ctx.ingredients?.map((v) => `${v.ingredient}: ${v.prediction === 'upheld' ? 'not recommended' : v.prediction === 'overturned' ? 'recommended' : 'no rule'}${v.rule ? ` (${v.rule})` : ''}`).join('; '),
  },
);
