/**
 * Facts from the treatment history: whether the requested treatment is a continuation, for how
 * long it has been used and with what documented benefit; and how other treatments went.
 */
import type { TreatmentHistoryEntry } from '../model/case-schema.js';
import type { FactContext } from './fact-context.js';
import { notGivenByClosedList } from './course-facts.js';
import { defineFacts } from './fact-types.js';
import { describeEntries, weeksOfUse } from './history-lookup.js';

const FAILED = new Set(['failed', 'intolerant']);
const TRIED = new Set(['effective', 'partial', 'failed', 'intolerant']);

/** True if any entry says true, false if some say false and none true, else not documented. */
function anyTrue(entries: readonly TreatmentHistoryEntry[], pick: (e: TreatmentHistoryEntry) => boolean | undefined): boolean | undefined {
  let sawFalse = false;
  for (const e of entries) {
    const v = pick(e);
    if (v === true) return true;
    if (v === false) sawFalse = true;
  }
  return sawFalse ? false : undefined;
}

const explainItem = (ctx: FactContext) => describeEntries(ctx.itemHistory());
const explainParam = (ctx: FactContext, p: Readonly<Record<string, unknown>>) => describeEntries(ctx.historyOf(String(p.treatment)));

export const historyFacts = defineFacts(
  {
    name: 'current_use',
    type: 'boolean',
    description: 'the requested treatment is already in use (the request is a continuation or refill)',
    compute: (ctx) => anyTrue(ctx.itemHistory(), (e) => e.current ?? (e.end ? false : undefined)),
    explain: explainItem,
  },
  {
    name: 'weeks_on_drug',
    type: 'number',
    description: 'weeks the requested treatment has been used: from its start date to the request date, or its documented duration',
    compute: (ctx) => weeksOfUse(ctx, ctx.itemHistory()),
    explain: (ctx) => {
      const d = describeEntries(ctx.itemHistory());
      return d && `${d}; judged at ${ctx.asOf.date} (${ctx.asOf.from})`;
    },
  },
  {
    name: 'prior_pain_relief',
    type: 'boolean',
    description: 'documented pain relief from the requested treatment so far',
    compute: (ctx) => anyTrue(ctx.itemHistory(), (e) => e.pain_relief),
    explain: explainItem,
  },
  {
    name: 'prior_functional_improvement',
    type: 'boolean',
    description: 'documented functional improvement from the requested treatment so far (8 CCR 9792.20)',
    compute: (ctx) => anyTrue(ctx.itemHistory(), (e) => e.functional_improvement),
    explain: explainItem,
  },
  {
    name: 'prior_visits',
    type: 'number',
    description: 'sessions of the requested therapy already completed',
    compute: (ctx) => sumVisits(ctx.itemHistory()),
    explain: explainItem,
  },
  {
    name: 'trial_failed',
    type: 'boolean',
    description: 'a documented trial of the treatment or class failed or was not tolerated; false when it worked',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => {
      const entries = ctx.historyOf(String(p.treatment));
      if (entries.some((e) => e.response && FAILED.has(e.response))) return true;
      if (entries.some((e) => e.response === 'effective' || e.response === 'partial')) return false;
      return undefined;
    },
    explain: explainParam,
  },
  {
    name: 'tried',
    type: 'boolean',
    description: 'the treatment or class has been tried; false when the records say it was not, or (presumption treatment-list-closed) when the summary\'s treatment-to-date list leaves it out',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => {
      const entries = ctx.historyOf(String(p.treatment));
      if (entries.some((e) => e.response === undefined || TRIED.has(e.response))) return true;
      if (entries.some((e) => e.response === 'not_tried')) return false;
      return notGivenByClosedList(ctx, String(p.treatment)) ? false : undefined;
    },
    explain: explainParam,
  },
  {
    name: 'visits_completed',
    type: 'number',
    description: 'sessions of the treatment or class already completed',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => sumVisits(ctx.historyOf(String(p.treatment))),
    explain: explainParam,
  },
  {
    name: 'treatment_weeks',
    type: 'number',
    description: 'weeks the treatment or class has been used or given (the longest documented course)',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => weeksOfUse(ctx, ctx.historyOf(String(p.treatment))),
    explain: explainParam,
  },
  {
    name: 'in_use',
    type: 'boolean',
    description: 'the treatment or class is in current use; false when its documented use has ended',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => anyTrue(ctx.historyOf(String(p.treatment)), (e) => e.current ?? (e.end ? false : undefined)),
    explain: explainParam,
  },
  {
    name: 'prior_response',
    type: 'string',
    description: 'how the requested treatment worked so far: effective, partial, failed, intolerant or not_tried',
    compute: (ctx) => ctx.itemHistory().find((e) => e.response !== undefined)?.response,
    explain: explainItem,
  },
);

function sumVisits(entries: readonly TreatmentHistoryEntry[]): number | undefined {
  const counted = entries.filter((e) => e.visits !== undefined);
  return counted.length === 0 ? undefined : counted.reduce((n, e) => n + e.visits!, 0);
}
