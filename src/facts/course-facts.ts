/**
 * Facts about the course of the complaint and of its care, as the summary states them: how long
 * the symptoms have lasted, whether they persisted despite a treatment, and what the summary's own
 * list of the treatment to date leaves out. Each reads what is written; how silence is read (a
 * list taken as closed, persisting symptoms taken as failed care) is a presumption, declared elsewhere.
 */
import type { SymptomDuration, TreatmentHistoryEntry } from '../model/case-schema.js';
import { weeksBetween } from './dates.js';
import type { FactContext } from './fact-context.js';
import { defineFacts } from './fact-types.js';

/** The durations that date the item's complaint: those naming one of its regions, or naming none. */
function durationsFor(ctx: FactContext): SymptomDuration[] {
  const regions = ctx.item.item.body_region;
  return (ctx.kase.symptom_duration ?? []).filter((d) => !regions || !d.body_region || d.body_region.some((r) => regions.includes(r)));
}

/** Weeks of symptoms at the request date: from the onset, else the stated weeks plus the time since the note that states them. */
function weeksAtRequest(ctx: FactContext, d: SymptomDuration): number | undefined {
  const asOf = ctx.asOf.date;
  if (d.onset && d.onset <= asOf) return weeksBetween(d.onset, asOf);
  if (d.weeks === undefined) return undefined;
  const since = d.as_of && d.as_of <= asOf ? weeksBetween(d.as_of, asOf) : 0;
  return Math.round((d.weeks + since) * 10) / 10;
}

function describeDuration(d: SymptomDuration): string {
  const what = d.as_written ?? (d.onset ? `since ${d.onset}` : `${d.weeks} weeks`);
  return d.as_of ? `${what} (as of ${d.as_of})` : what;
}

/** Entries of the treatment or class that say how the symptoms went with it. */
function persisted(entries: readonly TreatmentHistoryEntry[]): boolean | undefined {
  if (entries.some((e) => e.symptoms_persist === true || e.response === 'failed')) return true;
  if (entries.some((e) => e.symptoms_persist === false || e.response === 'effective')) return false;
  return undefined;
}

/**
 * Does the summary's list of the treatment to date leave the treatment or class out? True when the
 * list and the rest of the history name neither it nor (for a drug) "medications"; false when either
 * names it; undefined when the summary gives no list, or lists drugs only as "medications".
 */
export function treatmentToDateOmits(ctx: FactContext, kind: string): boolean | undefined {
  const list = ctx.kase.treatment_to_date;
  if (!list) return undefined;
  if (ctx.historyOf(kind).length > 0) return false;
  if (list.listed.some((id) => id === kind || ctx.catalog.isA(id, kind) || ctx.catalog.isA(kind, id))) return false;
  // A list that names a family only by its generic word ("medications", "therapy") closes nothing in it.
  const entry = ctx.catalog.treatment(kind);
  const generic = ['drug', 'compound'].includes(entry?.kind ?? '') || ctx.catalog.isA(kind, 'analgesic')
    ? /\bmedications?\b|\bmedicines?\b|\bpharmaco/i
    : entry?.kind === 'therapy' || ctx.catalog.isA(kind, 'physical_medicine')
      ? /\btherap(?:y|ies)\b|\btreatments?\b|\bconservative\b|\bmodalit|\brehabilitation\b/i
      : undefined;
  if (generic && (list.other ?? []).some((o) => generic.test(o))) return undefined;
  return true;
}

/** The treatment-to-date list read as closed (presumption treatment-list-closed): what it leaves out was not given. */
export function notGivenByClosedList(ctx: FactContext, kind: string): true | undefined {
  return ctx.presume('treatment-list-closed', () => (treatmentToDateOmits(ctx, kind) === true ? true : undefined));
}

export const courseFacts = defineFacts(
  {
    name: 'symptom_weeks',
    type: 'number',
    description: 'weeks the symptoms of the item\'s regions have lasted at the request date, as the summary dates them ("for 3 months", "since March 2016"): the longest statement; absent when the summary gives no duration (the injury date alone is weeks_since_injury)',
    compute: (ctx) => {
      const weeks = durationsFor(ctx).map((d) => weeksAtRequest(ctx, d)).filter((w): w is number => w !== undefined);
      return weeks.length > 0 ? Math.max(...weeks) : undefined;
    },
    explain: (ctx) => {
      const found = durationsFor(ctx);
      return found.length > 0 ? `${found.map(describeDuration).join('; ')}; judged at ${ctx.asOf.date} (${ctx.asOf.from})` : undefined;
    },
  },
  {
    name: 'symptoms_persisted_despite',
    type: 'boolean',
    description: 'symptoms persisted during or after the treatment or class ("persistent pain despite physical therapy", "no change", a failed trial); false when the records say it worked; absent when they say neither',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => persisted(ctx.historyOf(String(p.treatment))),
  },
  {
    name: 'treatment_to_date_omits',
    type: 'boolean',
    description: 'the summary lists the treatment to date and neither that list nor the rest of the treatment history names the treatment or class (nor, for a drug, "medications" in general); false when either names it; absent when the summary gives no such list',
    params: { treatment: 'treatment' },
    compute: (ctx, p) => treatmentToDateOmits(ctx, String(p.treatment)),
    explain: (ctx) => {
      const list = ctx.kase.treatment_to_date;
      return list && `treatment to date lists ${[...list.listed, ...(list.other ?? [])].join(', ') || 'nothing the catalog names'}`;
    },
  },
);
