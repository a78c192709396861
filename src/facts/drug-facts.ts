/**
 * Facts the drug rules read about the worker's other medications: whether a drug class is taken or
 * requested alongside the item (laxatives and testosterone go with opioid therapy; naloxone with
 * opioids and benzodiazepines).
 */
import { resolveItem } from '../predict/resolve-item.js';
import type { FactContext } from './fact-context.js';
import { defineFacts } from './fact-types.js';

/** Members of the class requested in the other disputed items of the case. */
function requestedAlongside(ctx: FactContext, kind: string): string[] {
  return ctx.cached(`alongside:${kind}`, () =>
    ctx.kase.items.flatMap((item, k) => {
      if (k + 1 === ctx.item.number) return [];
      const t = resolveItem(item, k + 1, ctx.catalog).resolved.treatment;
      return t !== undefined && ctx.catalog.isA(t, kind) ? [t] : [];
    }),
  );
}

/** The worker's record of the class, leaving out the requested drug's own entries (the item is not beside itself). */
function otherHistory(ctx: FactContext, kind: string) {
  return ctx.historyOf(kind).filter((e) => e.treatment !== ctx.item.treatment);
}

/** True when taken now or requested in the same case; false when documented use has ended and none is requested. */
function therapyWith(ctx: FactContext, kind: string): boolean | undefined {
  if (requestedAlongside(ctx, kind).length > 0) return true;
  const history = otherHistory(ctx, kind);
  if (history.some((e) => e.current === true)) return true;
  if (history.length > 0 && history.every((e) => e.current === false || (e.current === undefined && e.end !== undefined))) return false;
  return undefined;
}

export const drugFacts = defineFacts({
  name: 'therapy_with',
  type: 'boolean',
  description: 'the worker takes the treatment or class now (the requested drug itself left out), or it is requested in another item of the same case; false when its documented use has ended and none is requested',
  params: { treatment: 'treatment' },
  compute: (ctx, p) => therapyWith(ctx, String(p.treatment)),
  explain: (ctx, p) => {
    const kind = String(p.treatment);
    const bits = [
      ...requestedAlongside(ctx, kind).map((t) => `${t} requested`),
      ...otherHistory(ctx, kind).map((e) => `${e.as_written ?? e.treatment}${e.current ? ' (current)' : e.current === false ? ' (stopped)' : ''}`),
    ];
    return bits.length > 0 ? bits.join('; ') : undefined;
  },
});
