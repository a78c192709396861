/** Facts about the worker and the clinical picture: age, injury, diagnoses, findings, function. */
import { defineFacts } from './fact-types.js';
import { weeksBetween } from './dates.js';
import { tagStatus, tagsEstablishing } from './tags.js';

export const clinicalFacts = defineFacts(
  {
    name: 'age',
    type: 'number',
    description: 'age in years',
    compute: (ctx) => ctx.kase.patient?.age,
  },
  {
    name: 'sex',
    type: 'string',
    description: 'female or male',
    compute: (ctx) => ctx.kase.patient?.sex,
  },
  {
    name: 'weeks_since_injury',
    type: 'number',
    description: 'weeks from the date of injury to the request date',
    compute: (ctx) => (ctx.kase.dates?.injury ? weeksBetween(ctx.kase.dates.injury, ctx.asOf.date) : undefined),
    explain: (ctx) => ctx.kase.dates?.injury && `injured ${ctx.kase.dates.injury}, request judged at ${ctx.asOf.date} (${ctx.asOf.from})`,
  },
  {
    name: 'work_status',
    type: 'string',
    description: 'full_duty, modified_duty, off_work or not_working',
    compute: (ctx) => ctx.kase.work_status,
  },
  {
    name: 'pain_score',
    type: 'number',
    description: 'current pain on a 0-10 scale',
    compute: (ctx) => ctx.kase.pain_score,
  },
  {
    name: 'condition',
    type: 'boolean',
    description: 'whether the records document the condition tag (directly or through a narrower tag)',
    params: { tag: 'condition' },
    compute: (ctx, p) => tagStatus(ctx.catalog, 'condition', String(p.tag), ctx.kase.conditions, ctx.kase.conditions_absent),
    explain: (ctx, p) => {
      const by = tagsEstablishing(ctx.catalog, 'condition', String(p.tag), ctx.kase.conditions);
      return by.length > 0 ? `conditions: ${by.join(', ')}` : undefined;
    },
  },
  {
    name: 'finding',
    type: 'boolean',
    description: 'whether the records document the finding tag (exam finding, symptom, red flag)',
    params: { tag: 'finding' },
    compute: (ctx, p) => tagStatus(ctx.catalog, 'finding', String(p.tag), ctx.kase.findings, ctx.kase.findings_absent),
    explain: (ctx, p) => {
      const by = tagsEstablishing(ctx.catalog, 'finding', String(p.tag), ctx.kase.findings);
      return by.length > 0 ? `findings: ${by.join(', ')}` : undefined;
    },
  },
  {
    name: 'red_flags',
    type: 'boolean',
    description: 'a red flag for a serious condition is documented; false only when the records rule red flags out',
    compute: (ctx) => {
      const flagged = (ctx.kase.findings ?? []).some((f) => ctx.catalog.term('finding', f)?.red_flag)
        || (ctx.kase.conditions ?? []).some((c) => ctx.catalog.term('condition', c)?.red_flag);
      if (flagged) return true;
      return ctx.kase.findings_absent?.includes('red_flags') ? false : undefined;
    },
  },
  {
    name: 'surgery_considered',
    type: 'boolean',
    description: 'the records say surgery is being considered or planned',
    compute: (ctx) => ctx.kase.surgery_considered,
  },
  {
    name: 'functional_improvement',
    type: 'boolean',
    description: 'overall functional improvement documented with the current regimen (8 CCR 9792.20)',
    compute: (ctx) => ctx.kase.functional_improvement,
  },
);
