/**
 * Facts the diagnostic-test rules read beyond imaging: how often a test of a kind was done in the
 * year before the request (ODG's urine drug testing frequency by risk).
 */
import type { Study } from '../model/case-schema.js';
import { daysBetween } from './dates.js';
import { defineFacts } from './fact-types.js';
import type { FactContext } from './fact-context.js';

const YEAR_DAYS = 365;

/** Earlier studies of the kind, whatever their region: dated before the request, or undated. */
function earlierStudies(ctx: FactContext, kind: string): Study[] {
  return (ctx.kase.studies ?? []).filter(
    (s) => (s.study === kind || ctx.catalog.isA(s.study, kind)) && (s.date === undefined || s.date < ctx.asOf.date),
  );
}

const withinYear = (s: Study, asOf: string) => s.date !== undefined && daysBetween(s.date, asOf) <= YEAR_DAYS;

export const diagnosticFacts = defineFacts({
  name: 'studies_past_year',
  type: 'number',
  description:
    'earlier tests of the kind (urine_drug_screen, drug_test, ...) dated within the year before the request, any body region; a lower bound when some are undated; absent when the records document none of the kind, or only undated ones (silence is not a count of zero)',
  params: { study: 'study' },
  compute: (ctx, p) => {
    const earlier = earlierStudies(ctx, String(p.study));
    if (earlier.length === 0) return undefined;
    const dated = earlier.filter((s) => s.date !== undefined);
    const recent = dated.filter((s) => withinYear(s, ctx.asOf.date)).length;
    // Undated tests may or may not fall in the year: the dated ones are a lower bound.
    if (recent === 0 && dated.length < earlier.length) return undefined;
    return recent;
  },
  explain: (ctx, p) => {
    const earlier = earlierStudies(ctx, String(p.study));
    if (earlier.length === 0) return undefined;
    return earlier.map((s) => `${s.study}${s.date ? ` ${s.date}` : ' (undated)'}${s.result ? `: ${s.result}` : ''}`).join('; ');
  },
});
