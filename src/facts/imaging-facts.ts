/** Facts used by the imaging and electrodiagnostic rules (see rules/ and `mtus facts`). */
import type { Study, TreatmentHistoryEntry } from '../model/case-schema.js';
import type { FactContext } from './fact-context.js';
import { defineFacts } from './fact-types.js';
import { describeEntries } from './history-lookup.js';
import { tagStatus } from './tags.js';

/**
 * Earlier studies of the requested kind of the item's region: dated before the request (a study
 * dated on or after it is the request itself, done retrospectively) or undated. A study whose
 * region is not documented is not counted, since it cannot be said to image the same region.
 */
function earlierStudiesOfItem(ctx: FactContext): Study[] {
  const kind = ctx.item.treatment;
  const regions = ctx.item.item.body_region;
  if (kind === undefined || regions === undefined) return [];
  return (ctx.kase.studies ?? []).filter(
    (s) =>
      (s.study === kind || ctx.catalog.isA(s.study, kind))
      && s.body_region?.some((r) => regions.includes(r)) === true
      && (s.date === undefined || s.date < ctx.asOf.date),
  );
}

/** Whether the records document the tag as present (true), as absent (false), or say nothing (undefined). */
const status = (ctx: FactContext, kind: 'condition' | 'finding', tag: string): boolean | undefined =>
  kind === 'condition'
    ? tagStatus(ctx.catalog, 'condition', tag, ctx.kase.conditions, ctx.kase.conditions_absent)
    : tagStatus(ctx.catalog, 'finding', tag, ctx.kase.findings, ctx.kase.findings_absent);
const present = (ctx: FactContext, kind: 'condition' | 'finding', tag: string): boolean => status(ctx, kind, tag) === true;

/**
 * Radiculopathy is clinically obvious when an objective deficit is documented with a radiculopathy
 * diagnosis or imaging of nerve-root compromise (Kleene and/or over the three documented states):
 * not obvious when the records rule out the deficit, or both the diagnosis and the imaging finding.
 */
function radiculopathyObvious(ctx: FactContext): boolean | undefined {
  const deficit = status(ctx, 'finding', 'neuro_deficit');
  const diagnosis = status(ctx, 'condition', 'radiculopathy');
  const imaging = status(ctx, 'finding', 'imaging_nerve_root_compromise');
  const corroborated = diagnosis === true || imaging === true ? true : diagnosis === false && imaging === false ? false : undefined;
  if (deficit === false || corroborated === false) return false;
  return deficit === true && corroborated === true ? true : undefined;
}

/** Care that was in use before the request: current, dated, counted or ended, not just prescribed at it. */
function wasUsed(e: TreatmentHistoryEntry, asOf: string): boolean {
  return e.current === true || (e.visits ?? 0) > 0 || e.duration_weeks !== undefined || e.end !== undefined || (e.start !== undefined && e.start < asOf);
}

/** The records show symptoms at the time of the request: a pain score above zero or examination findings. */
function symptomsPresent(ctx: FactContext): boolean {
  return (ctx.kase.pain_score ?? 0) > 0 || (ctx.kase.findings ?? []).length > 0;
}

const FAILED = new Set(['failed', 'intolerant']);
const HELPED = new Set(['effective', 'partial']);

export const imagingFacts = defineFacts(
  {
    name: 'care_failed',
    type: 'boolean',
    description:
      'the treatment or class was tried without improvement: a documented failed response, or, when no entry records a response, the records\' overall finding of no functional improvement; false when it helped',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => {
      const entries = ctx.historyOf(String(p.treatment));
      if (entries.some((e) => e.response !== undefined && FAILED.has(e.response))) return true;
      if (entries.some((e) => e.response !== undefined && HELPED.has(e.response))) return false;
      // Tried, with no response recorded: the records' overall verdict on function decides, else
      // the policy's reading of symptoms that persist through the care.
      const tried = entries.filter((e) => e.response === undefined && wasUsed(e, ctx.asOf.date));
      if (tried.length === 0 && !entries.some((e) => e.response === undefined)) return undefined;
      if (ctx.kase.functional_improvement !== undefined) return !ctx.kase.functional_improvement;
      if (tried.length === 0) return undefined;
      return ctx.presume('persisting-symptoms-after-tried-care', () => (symptomsPresent(ctx) ? true : undefined));
    },
    explain: (ctx, p) => {
      const entries = ctx.historyOf(String(p.treatment));
      if (entries.length === 0) return undefined;
      const d = describeEntries(entries);
      return entries.every((e) => e.response === undefined) && ctx.kase.functional_improvement !== undefined
        ? `${d}; overall ${ctx.kase.functional_improvement ? 'functional improvement' : 'no functional improvement'} documented`
        : d;
    },
  },
  {
    name: 'repeat_study',
    type: 'boolean',
    description:
      'the request repeats an earlier documented study of the same kind of the same body region (e.g. a second lumbar MRI); absent when the records document none (their silence does not say there was none)',
    compute: (ctx) => {
      if (ctx.item.treatment === undefined || ctx.item.item.body_region === undefined) return undefined;
      return earlierStudiesOfItem(ctx).length > 0 ? true : undefined;
    },
    explain: (ctx) => {
      const found = earlierStudiesOfItem(ctx);
      return found.length === 0
        ? 'no earlier study of this kind and region on record'
        : found.map((s) => `${s.study} ${s.body_region!.join('/')}${s.date ? ` ${s.date}` : ''}${s.result ? `: ${s.result}` : ''}`).join('; ');
    },
  },
  {
    name: 'radiculopathy_clinically_obvious',
    type: 'boolean',
    description:
      'radiculopathy is already clinically obvious: an objective neurological deficit is documented together with a radiculopathy diagnosis or imaging showing nerve-root compromise; false when the records rule out the deficit (or both the diagnosis and the imaging finding); absent otherwise',
    compute: radiculopathyObvious,
    explain: (ctx) => {
      const parts = [
        present(ctx, 'finding', 'neuro_deficit') ? 'objective neurological deficit' : 'no objective neurological deficit documented',
        present(ctx, 'condition', 'radiculopathy') ? 'radiculopathy diagnosed' : undefined,
        present(ctx, 'finding', 'imaging_nerve_root_compromise') ? 'imaging shows nerve-root compromise' : undefined,
      ];
      return parts.filter(Boolean).join('; ');
    },
  },
);
