/** Small readers over the treatment, procedure and study history shared by several fact groups. */
import type { Procedure, TreatmentHistoryEntry } from '../model/case-schema.js';
import { weeksBetween } from './dates.js';
import type { FactContext } from './fact-context.js';

/** Weeks of documented use: start to end (or to the request date while current), else the stated duration. */
export function weeksOfUse(ctx: FactContext, entries: readonly TreatmentHistoryEntry[]): number | undefined {
  let best: number | undefined;
  for (const e of entries) {
    const end = e.end && e.current !== true ? e.end : ctx.asOf.date;
    const w = e.start ? weeksBetween(e.start, end) : e.duration_weeks;
    if (w !== undefined && (best === undefined || w > best)) best = w;
  }
  return best;
}

/** Documented procedures of the kind (or class), most recent first; undated ones keep their listed order, after dated ones. */
export function proceduresOf(ctx: FactContext, kind: string): Procedure[] {
  const found = (ctx.kase.procedures ?? []).filter((p) => p.procedure === kind || ctx.catalog.isA(p.procedure, kind));
  const dated = found.filter((p) => p.date !== undefined).sort((a, b) => (a.date! < b.date! ? 1 : -1));
  const undated = found.filter((p) => p.date === undefined).reverse();
  return [...dated, ...undated];
}

/** The most recent dated procedure of a kind, if any. */
export function latestProcedure(ctx: FactContext, kind: string): Procedure | undefined {
  return proceduresOf(ctx, kind).find((p) => p.date !== undefined);
}

export function describeEntries(entries: readonly TreatmentHistoryEntry[]): string | undefined {
  if (entries.length === 0) return undefined;
  return entries
    .map((e) => {
      const bits = [e.as_written ?? e.treatment];
      if (e.start) bits.push(`since ${e.start}`);
      if (e.end) bits.push(`until ${e.end}`);
      if (e.duration_weeks !== undefined) bits.push(`for ${e.duration_weeks} weeks`);
      if (e.current) bits.push('current');
      if (e.response) bits.push(e.response);
      if (e.pain_relief !== undefined) bits.push(e.pain_relief ? 'pain relief' : 'no pain relief');
      if (e.functional_improvement !== undefined) bits.push(e.functional_improvement ? 'functional improvement' : 'no functional improvement');
      if (e.visits !== undefined) bits.push(`${e.visits} visits`);
      return bits.join(', ');
    })
    .join('; ');
}
