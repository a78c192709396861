/**
 * Facts about a course of therapy (physical medicine, manual therapy, acupuncture, therapy after a
 * surgery): is it the first course, how many sessions the course and the treatment as a whole come
 * to, did the sessions already given bring functional improvement, and what the request states
 * about frequency and setting.
 *
 * A request that only remains after utilization review approved part of it ("12 requested, 6
 * approved, 6 disputed") belongs to one course with the approved part, so the approved sessions
 * count towards the course. Therapy that accompanies a surgery is counted from the surgery on:
 * sessions before it belong to conservative care, not to the post-operative course.
 */
import type { TreatmentHistoryEntry } from '../model/case-schema.js';
import type { FactContext } from './fact-context.js';
import { notGivenByClosedList } from './course-facts.js';
import { defineFacts } from './fact-types.js';
import { describeEntries, latestProcedure } from './history-lookup.js';

/** Catalog class of the therapies a worker takes part in (PT, OT, exercise): after a surgery they make up its course. */
const ACTIVE_THERAPY = 'active_therapy';
/** Catalog id of therapy ordered as the aftercare of a surgery. */
const POSTSURGICAL_THERAPY = 'postsurgical_therapy';

/** The entry shows sessions were given: it is on record and not marked "not tried" or zero visits. */
function sessionsGiven(e: TreatmentHistoryEntry): boolean {
  if (e.response === 'not_tried') return false;
  return e.visits === undefined || e.visits > 0;
}

/**
 * The surgery the item accompanies has not been done yet: it is requested in this same case, or
 * the records list the worker's procedures without it. Then no post-operative session can have been given.
 */
function surgeryNotYetDone(ctx: FactContext): boolean {
  const surgery = ctx.item.item.associated_surgery;
  if (surgery === undefined) return false;
  if (ctx.associatedSurgery !== undefined) return true;
  const requestedHere = ctx.kase.items.some((other, k) => {
    if (k + 1 === ctx.item.number) return false;
    const t = other.treatment;
    return t !== undefined && ctx.catalog.isA(t, surgery);
  });
  if (requestedHere) return true;
  const procedures = ctx.kase.procedures;
  return procedures !== undefined && !procedures.some((p) => ctx.catalog.isA(p.procedure, surgery));
}

/** The history entries of this course: the requested therapy, or after a surgery the therapy given since it. */
function courseHistory(ctx: FactContext): TreatmentHistoryEntry[] {
  return ctx.cached('therapy:course-history', () => {
    const surgery = ctx.item.item.associated_surgery;
    if (surgery === undefined) return ctx.itemHistory();
    if (surgeryNotYetDone(ctx)) return [];
    const done = latestProcedure(ctx, surgery)?.date;
    const since = done === undefined
      ? ctx.itemHistory()
      : ctx.historyOf(ACTIVE_THERAPY).filter((e) => e.start !== undefined && e.start >= done);
    return [...new Set([...ctx.historyOf(POSTSURGICAL_THERAPY), ...since])];
  });
}

/** Sessions of this course already given: 0 for a first course, undefined when the count is not on record. */
function completedVisits(ctx: FactContext): number | undefined {
  if (surgeryNotYetDone(ctx)) return 0;
  const entries = courseHistory(ctx);
  if (entries.length === 0 && !requestSays(ctx, CONTINUING) && (closedListOmitsTherapy(ctx) || requestedAsFirstCourse(ctx))) return 0;
  const given = entries.filter(sessionsGiven);
  if (entries.length > 0 && given.length === 0) return 0;
  const counted = given.filter((e) => e.visits !== undefined);
  return counted.length === 0 ? undefined : counted.reduce((n, e) => n + e.visits!, 0);
}

/** Sessions of the whole request: the disputed ones plus any part utilization review already approved. */
function courseVisits(ctx: FactContext): number | undefined {
  const { visits, ur_approved: approved } = ctx.item.item;
  if (visits === undefined) return undefined;
  if (approved === undefined) return visits;
  return approved.visits === undefined ? undefined : visits + approved.visits;
}

function firstCourse(ctx: FactContext): boolean | undefined {
  if (surgeryNotYetDone(ctx)) return true;
  const entries = courseHistory(ctx);
  if (entries.length > 0) return !entries.some(sessionsGiven);
  // The request's own words: "additional" or "continued" sessions follow a course already given.
  if (requestSays(ctx, CONTINUING)) return false;
  return closedListOmitsTherapy(ctx) || requestedAsFirstCourse(ctx) ? true : undefined;
}

/** Request modifiers (recognition) that say a course is under way or is to begin. */
const CONTINUING = ['additional', 'continued'];
const BEGINNING = ['initial', 'trial'];

/**
 * The request's words carry one of the modifiers. "Remaining" (the part of a request left after UR
 * approved the rest) says nothing about sessions already given, so it does not count as continuing.
 */
function requestSays(ctx: FactContext, modifiers: readonly string[]): boolean {
  return (ctx.item.item.reading?.parts ?? []).some((p) => p.role === 'modifier' && modifiers.includes(String(p.value)) && !/remaining/i.test(p.text));
}

/** A request for an "initial" course or a "trial" of a therapy with none on record is a first course (presumption). */
function requestedAsFirstCourse(ctx: FactContext): boolean {
  if (ctx.item.item.associated_surgery !== undefined || !requestSays(ctx, BEGINNING)) return false;
  return ctx.presume('initial-request-is-first-course', () => true) === true;
}

/**
 * A conservative course the summary's closed treatment-to-date list leaves out was never given (not
 * after a surgery: that course starts with it). Therapies a worker takes part in (PT, OT) form one
 * course of physical medicine, so the list must leave out the whole family.
 */
function closedListOmitsTherapy(ctx: FactContext): boolean {
  const therapy = ctx.item.treatment;
  if (therapy === undefined || ctx.item.item.associated_surgery !== undefined) return false;
  const family = ctx.catalog.isA(therapy, ACTIVE_THERAPY) ? ACTIVE_THERAPY : therapy;
  return notGivenByClosedList(ctx, family) === true;
}

const explainCourse = (ctx: FactContext) => {
  if (surgeryNotYetDone(ctx)) return `${ctx.item.item.associated_surgery} not done yet`;
  return describeEntries(courseHistory(ctx)) ?? 'no sessions of this therapy on record';
};

const explainRequest = (ctx: FactContext) => {
  const { visits, ur_approved: approved } = ctx.item.item;
  const requested = `${visits ?? '?'} sessions requested`;
  return approved ? `${requested}, ${approved.visits ?? '?'} of the same request approved by UR` : requested;
};

export const therapyFacts = defineFacts(
  {
    name: 'first_course',
    type: 'boolean',
    description: 'no session of the requested therapy has been given before (after a surgery: since the surgery); false when sessions are on record',
    compute: firstCourse,
    explain: explainCourse,
  },
  {
    name: 'course_visits',
    type: 'number',
    description: 'sessions of the whole request: those disputed plus the part utilization review approved',
    compute: courseVisits,
    explain: explainRequest,
  },
  {
    name: 'cumulative_visits',
    type: 'number',
    description: 'sessions of the therapy once the request is given: those already completed (after a surgery: since it) plus the whole request',
    compute: (ctx) => {
      const done = completedVisits(ctx);
      const course = courseVisits(ctx);
      return done === undefined || course === undefined ? undefined : done + course;
    },
    explain: (ctx) => `${explainCourse(ctx)}; ${explainRequest(ctx)}`,
  },
  {
    name: 'therapy_functional_improvement',
    type: 'boolean',
    description: 'the sessions already given of the requested therapy (after a surgery: since it) brought documented functional improvement (8 CCR 9792.20); false for a first course, where none were given',
    compute: (ctx) => {
      if (firstCourse(ctx) === true) return false;
      const entries = courseHistory(ctx);
      if (entries.some((e) => e.functional_improvement === true)) return true;
      return entries.some((e) => e.functional_improvement === false) ? false : undefined;
    },
    explain: explainCourse,
  },
  {
    name: 'weekly_frequency_stated',
    type: 'boolean',
    description: 'the request states its sessions as a number a week over a number of weeks ("2 times a week for 3 weeks")',
    compute: (ctx) => ctx.item.item.weeks !== undefined,
  },
  {
    name: 'supervised_sessions',
    type: 'boolean',
    description: 'the request is for sessions given by a provider (a number of visits); false when it is for home use or for equipment',
    compute: (ctx) => {
      const { visits, acquisition, request } = ctx.item.item;
      if (visits !== undefined) return true;
      if (acquisition !== undefined || /\bhome\b/i.test(request)) return false;
      // Equipment (a heating pad) is used by the worker, never given in sessions.
      if (ctx.item.treatment !== undefined && ctx.catalog.treatment(ctx.item.treatment)?.kind === 'dme') return false;
      return undefined;
    },
    explain: (ctx) => `"${ctx.item.item.request}"`,
  },
  {
    name: 'accompanies_surgery',
    type: 'boolean',
    description: 'the item is requested as a service accompanying a surgery (post-operative therapy or equipment)',
    compute: (ctx) => ctx.item.item.associated_surgery !== undefined,
    explain: (ctx) => ctx.item.item.associated_surgery && `accompanies ${ctx.item.item.associated_surgery}`,
  },
  {
    name: 'associated_surgery_kinds',
    type: 'list',
    description: 'the surgery the item accompanies and every class it belongs to (rotator_cuff_repair, shoulder_surgery, surgery)',
    compute: (ctx) => {
      const surgery = ctx.item.item.associated_surgery;
      return surgery === undefined ? undefined : [...ctx.catalog.kindsOf(surgery)];
    },
  },
);
