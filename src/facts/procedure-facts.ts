/**
 * Facts used by the procedure, surgery, equipment and service rules: how earlier procedures of a
 * kind went (for "repeat only with ≥50% relief" criteria), what the request names besides its main
 * treatment (a meniscectomy inside "knee arthroscopy with meniscectomy"), and the durations and hours
 * a request states in words ("cold therapy for one week", "4 hours a day, 5 days a week").
 */
import type { Procedure, Study } from '../model/case-schema.js';
import { statedHoursPerWeek } from '../request/stated.js';
import { defineFacts } from './fact-types.js';
import { proceduresOf } from './history-lookup.js';
import type { FactContext } from './fact-context.js';

/** The value of `key` on the most recent procedure of the kind that documents it. */
function latestWith<K extends keyof Procedure>(ctx: FactContext, kind: string, key: K): Procedure[K] | undefined {
  return proceduresOf(ctx, kind).find((p) => p[key] !== undefined)?.[key];
}

const describeProcedures = (ctx: FactContext, kind: string): string | undefined => {
  const list = proceduresOf(ctx, kind);
  if (list.length === 0) return undefined;
  return list
    .map((p) => {
      const bits = [p.as_written ?? p.procedure];
      if (p.date) bits.push(p.date);
      if (p.pain_relief_percent !== undefined) bits.push(`${p.pain_relief_percent}% relief`);
      if (p.relief_weeks !== undefined) bits.push(`for ${p.relief_weeks} weeks`);
      return bits.join(', ');
    })
    .join('; ');
};

/**
 * Hours a week a request states: "10 hours per week" = 10; "4 hours a day, 5 days a week" = 20;
 * "8 hours per day" = 56 (every day). Undefined when the request states no hours.
 */
export function hoursPerWeekStated(text: string): number | undefined {
  return statedHoursPerWeek(text);
}

/** A study result that opens by calling the study normal ("normal alignment, no fracture", "unremarkable"). */
const NORMAL_RESULT = /^\s*(normal|unremarkable|negative|within normal limits|no (acute )?(abnormalit|patholog|evidence))/i;

/** Studies of the kind of the item's region (any region when either states none) that state a result. */
function studiesWithResult(ctx: FactContext, kind: string): Study[] {
  const regions = ctx.item.item.body_region;
  return (ctx.kase.studies ?? []).filter(
    (s) =>
      s.result !== undefined
      && (s.study === kind || ctx.catalog.isA(s.study, kind))
      && (!regions || !s.body_region || s.body_region.some((r) => regions.includes(r))),
  );
}

export const procedureFacts = defineFacts(
  {
    name: 'prior_procedure_count',
    type: 'number',
    description: 'how many procedures of the kind (or class) the records document before this request; absent when they document none (silence is not a count of zero: rules read it through conditions and exclusions)',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => {
      const n = proceduresOf(ctx, String(p.procedure)).length;
      return n === 0 ? undefined : n;
    },
    explain: (ctx, p) => describeProcedures(ctx, String(p.procedure)) ?? 'none documented',
  },
  {
    name: 'prior_procedure_relief_percent',
    type: 'number',
    description: 'percent pain relief documented after the most recent procedure of the kind that states it',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => latestWith(ctx, String(p.procedure), 'pain_relief_percent'),
    explain: (ctx, p) => describeProcedures(ctx, String(p.procedure)),
  },
  {
    name: 'prior_procedure_relief_weeks',
    type: 'number',
    description: 'weeks the pain relief lasted after the most recent procedure of the kind that states it',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => latestWith(ctx, String(p.procedure), 'relief_weeks'),
    explain: (ctx, p) => describeProcedures(ctx, String(p.procedure)),
  },
  {
    name: 'request_names',
    type: 'boolean',
    description: 'the request as written names the treatment or a member of the class, besides or instead of its main treatment ("knee arthroscopy with meniscectomy" names meniscectomy)',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => {
      const kind = String(p.treatment);
      return (ctx.item.item.reading?.objects ?? []).some((id) => ctx.catalog.isA(id, kind))
        || (ctx.item.treatment !== undefined && ctx.catalog.isA(ctx.item.treatment, kind));
    },
    explain: (ctx) => `request "${ctx.item.item.request}"`,
  },
  {
    name: 'use_days',
    type: 'number',
    description: 'days of use or rental requested, for equipment: the rental days stated, else the duration the request states ("for one week" = 7)',
    compute: (ctx) => ctx.item.item.rental_days ?? ctx.item.item.reading?.days?.max,
    explain: (ctx) => `request "${ctx.item.item.request}"`,
  },
  {
    name: 'hours_per_week',
    type: 'number',
    description: 'hours a week of service the request states ("4 hours a day, 5 days a week" = 20)',
    compute: (ctx) => ctx.item.item.reading?.hours_per_week,
    explain: (ctx) => `request "${ctx.item.item.request}"`,
  },
  {
    name: 'study_abnormal',
    type: 'boolean',
    description: 'a study of the kind (mri, imaging, ncs, ...) of the item\'s region reports an abnormality; false when every such study with a result reads normal; absent when none states a result',
    params: { study: 'study' },
    compute: (ctx, p) => {
      const found = studiesWithResult(ctx, String(p.study));
      if (found.length === 0) return undefined;
      return found.some((s) => !NORMAL_RESULT.test(s.result!));
    },
    explain: (ctx, p) => studiesWithResult(ctx, String(p.study)).map((s) => `${s.study}${s.date ? ` ${s.date}` : ''}: ${s.result}`).join('; ') || undefined,
  },
  {
    name: 'associated_surgery_is',
    type: 'boolean',
    description: 'the surgery the item accompanies is of the kind or class (a sling after shoulder surgery)',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => {
      const surgery = ctx.item.item.associated_surgery;
      return surgery === undefined ? undefined : ctx.catalog.isA(surgery, String(p.procedure));
    },
    explain: (ctx) => ctx.item.item.associated_surgery,
  },
);
