/** Facts for services that accompany a surgery: is the surgery necessary, how long since it was done. */
import { weeksBetween } from './dates.js';
import { defineFacts } from './fact-types.js';
import { latestProcedure } from './history-lookup.js';

export const surgeryFacts = defineFacts(
  {
    name: 'associated_surgery',
    type: 'string',
    description: 'catalog id of the surgery the item accompanies',
    compute: (ctx) => ctx.item.item.associated_surgery,
  },
  {
    name: 'associated_surgery_necessary',
    type: 'boolean',
    description:
      'the surgery the item accompanies is authorized, or is itself predicted medically necessary in the same case; a surgery the case does not dispute goes ahead (presumption scheduled-surgery-goes-ahead)',
    compute: (ctx) => {
      const stated = ctx.item.item.associated_surgery_authorized ?? ctx.associatedSurgery?.necessary;
      if (stated !== undefined || ctx.associatedSurgery !== undefined) return stated;
      // Not in dispute here: IMR reviews only the treatment UR denied, so the surgery itself is not in question.
      return ctx.item.item.associated_surgery === undefined ? undefined : ctx.presume('scheduled-surgery-goes-ahead', () => true);
    },
    explain: (ctx) =>
      ctx.item.item.associated_surgery_authorized !== undefined
        ? `surgery ${ctx.item.item.associated_surgery_authorized ? 'authorized' : 'not authorized'} per the records`
        : ctx.associatedSurgery
          ? `"${ctx.associatedSurgery.request}" predicted ${ctx.associatedSurgery.prediction}`
          : ctx.item.item.associated_surgery && `${ctx.item.item.associated_surgery} is not disputed in this case`,
  },
  {
    name: 'weeks_since_procedure',
    type: 'number',
    description: 'weeks from the most recent dated procedure of the kind to the request date',
    params: { procedure: 'procedure' },
    compute: (ctx, p) => {
      const last = latestProcedure(ctx, String(p.procedure));
      return last?.date ? weeksBetween(last.date, ctx.asOf.date) : undefined;
    },
    explain: (ctx, p) => {
      const last = latestProcedure(ctx, String(p.procedure));
      return last && `${last.as_written ?? last.procedure} on ${last.date}`;
    },
  },
);
