/**
 * Facts used by the medication rules: whether the worker is on NSAID therapy (for GI protection
 * and COX-2 selection), how many NSAIDs at once, the dosage form of a topical, and where a topical
 * is to be applied.
 */
import type { TreatmentHistoryEntry } from '../model/case-schema.js';
import type { Route } from '../model/vocabulary.js';
import { resolveItem } from '../predict/resolve-item.js';
import type { FactContext } from './fact-context.js';
import { defineFacts } from './fact-types.js';

const LOCAL_ROUTES: ReadonlySet<Route> = new Set(['topical', 'transdermal']);

/** An NSAID taken by mouth (or otherwise systemically): topical NSAIDs carry little GI risk. */
function isSystemicNsaid(ctx: FactContext, treatment: string | undefined, route: Route | undefined): boolean {
  if (treatment === undefined || !ctx.catalog.isA(treatment, 'nsaid')) return false;
  const r = route ?? ctx.catalog.treatment(treatment)?.route;
  return r === undefined || !LOCAL_ROUTES.has(r);
}

/** Systemic NSAIDs requested in the other disputed items of the case. */
function requestedNsaids(ctx: FactContext): string[] {
  return ctx.cached('nsaids:requested', () =>
    ctx.kase.items.flatMap((item, k) => {
      if (k + 1 === ctx.item.number) return [];
      const { resolved } = resolveItem(item, k + 1, ctx.catalog);
      return isSystemicNsaid(ctx, resolved.treatment, resolved.route) ? [resolved.treatment!] : [];
    }),
  );
}

function nsaidHistory(ctx: FactContext): TreatmentHistoryEntry[] {
  return ctx.historyOf('nsaid').filter((e) => isSystemicNsaid(ctx, e.treatment, e.route));
}

/** True when on or requesting a systemic NSAID; false when documented NSAID use has ended and none is requested. */
function nsaidTherapy(ctx: FactContext): boolean | undefined {
  if (requestedNsaids(ctx).length > 0) return true;
  const history = nsaidHistory(ctx);
  if (history.some((e) => e.current === true)) return true;
  if (history.length > 0 && history.every((e) => e.current === false || (e.current === undefined && e.end !== undefined))) return false;
  return undefined;
}

function currentNsaids(ctx: FactContext): Set<string> {
  const ids = new Set(requestedNsaids(ctx));
  for (const e of nsaidHistory(ctx)) if (e.current === true) ids.add(e.treatment);
  if (isSystemicNsaid(ctx, ctx.item.treatment, ctx.item.route)) ids.add(ctx.item.treatment!);
  return ids;
}

export const medicationFacts = defineFacts(
  {
    name: 'nsaid_therapy',
    type: 'boolean',
    description: 'the worker takes an oral NSAID or one is requested in the same case; false when documented NSAID use has ended and none is requested',
    compute: nsaidTherapy,
    explain: (ctx) => {
      const bits = [...requestedNsaids(ctx).map((t) => `${t} requested`), ...nsaidHistory(ctx).map((e) => `${e.as_written ?? e.treatment}${e.current ? ' (current)' : e.current === false ? ' (stopped)' : ''}`)];
      return bits.length > 0 ? bits.join('; ') : undefined;
    },
  },
  {
    name: 'concurrent_nsaids',
    type: 'number',
    description: 'distinct oral NSAIDs in current use or requested in the case, this item included',
    compute: (ctx) => {
      const n = currentNsaids(ctx).size;
      if (n > 0) return n;
      return nsaidTherapy(ctx) === false ? 0 : undefined;
    },
    explain: (ctx) => [...currentNsaids(ctx)].join(', ') || undefined,
  },
  {
    name: 'dosage_form',
    type: 'string',
    description: 'dosage form of the requested product (patch, cream, gel, ointment, tablet, ...); a Lidoderm request is a patch, an ingredient of a compound is compounded',
    compute: (ctx) => {
      const form = ctx.item.item.form?.toLowerCase();
      if (form !== undefined) return form;
      // An ingredient of a compounded product comes in the compound's base, never as a commercial patch.
      if (ctx.item.compound !== undefined) return 'compounded';
      // "patches" and the Lidoderm brand name a patch where the request parser finds no form word.
      return /\bpatch(es)?\b|\blidoderm\b/i.test(ctx.item.item.request) ? 'patch' : undefined;
    },
    explain: (ctx) => `requested "${ctx.item.item.request}"`,
  },
  {
    name: 'target_regions',
    type: 'list',
    description: 'where the treatment is for: the body regions the item names, else the symptomatic regions of the case',
    compute: (ctx) => ctx.item.item.body_region ?? ctx.kase.body_regions,
    explain: (ctx) => (ctx.item.item.body_region ? 'regions named in the request' : ctx.kase.body_regions && 'symptomatic regions in the records'),
  },
);
