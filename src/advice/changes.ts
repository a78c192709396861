/**
 * What would turn one criterion the other way, in words a prescriber acts on. An undocumented
 * criterion is met by documenting it. A failed one is met only when its fact is something the
 * prescriber controls: the request itself ("6 visits or fewer"), the time of the request ("after 4
 * weeks of symptoms"), or care still to be given (a trial of a first-line drug). A failed fact
 * about who the patient is or what the request is for (a knee, a carpal tunnel release, a drug
 * already in use) cannot be changed by documentation, so the branch that needs it does not apply.
 */
import type { LeafNode } from '../engine/compiled-rule.js';

/** document: record what is missing; request: change the request; wait: request later; treat: give care first. */
export type ChangeKind = 'document' | 'request' | 'wait' | 'treat';

export interface Change {
  kind: ChangeKind;
  /** the change in words */
  text: string;
  /** the criterion it meets */
  criterion: string;
}

type Target = 'met' | 'not_met';

/** Request facts a prescriber can change, with the unit a number of them is counted in. */
interface Unit { lead?: string; one: string; many: string; tail?: string }
const REQUEST_NUMBERS: Record<string, Unit> = {
  quantity: { lead: 'a quantity of ', one: '', many: '' },
  days_supply: { lead: 'a supply of ', one: 'day', many: 'days' },
  doses_per_day: { one: 'dose a day', many: 'doses a day' },
  requested_visits: { one: 'visit', many: 'visits' },
  requested_weeks: { one: 'week', many: 'weeks', tail: 'of sessions' },
  visits_per_week: { one: 'visit a week', many: 'visits a week' },
  total_visits: { one: 'visit', many: 'visits', tail: 'in all, counting those done' },
  course_visits: { one: 'visit', many: 'visits', tail: 'in the whole request' },
  cumulative_visits: { one: 'visit', many: 'visits', tail: 'in all, counting those done' },
  rental_days: { one: 'day', many: 'days', tail: 'of rental' },
  use_days: { one: 'day', many: 'days', tail: 'of use' },
  hours_per_week: { one: 'hour a week', many: 'hours a week' },
  joint_count: { one: 'level', many: 'levels' },
};

/** Durations that grow while the prescriber waits: a "more than N weeks" criterion is met later. */
const ELAPSED: Record<string, string> = {
  weeks_since_injury: 'of symptoms',
  weeks_since_procedure: 'since the procedure',
  weeks_on_drug: 'on the medication',
  treatment_weeks: 'of the treatment',
};

/** Facts documented false that further care or a clearer request can still make true. */
const ACTIONABLE: Record<string, ChangeKind> = {
  tried: 'treat',
  associated_surgery_necessary: 'document',
  request_conflicts_records: 'request',
  weekly_frequency_stated: 'request',
  acquisition: 'request',
};

const NEGATED: Record<string, string> = {
  lessThanInclusive: 'greaterThan', greaterThan: 'lessThanInclusive',
  lessThan: 'greaterThanInclusive', greaterThanInclusive: 'lessThan',
  equal: 'notEqual', notEqual: 'equal', in: 'notIn', notIn: 'in',
  contains: 'doesNotContain', doesNotContain: 'contains',
  intersects: 'disjointFrom', disjointFrom: 'intersects',
};

/**
 * The change that brings `leaf` from `status` to `target`, or undefined when none can.
 * `status` is never `target` here.
 */
export function changeFor(leaf: LeafNode, status: 'met' | 'not_met' | 'unknown', target: Target): Change | undefined {
  const c = leaf.criterion;
  if (status === 'unknown') return { kind: 'document', text: c.missing ?? clause(leaf.text), criterion: leaf.id };
  const op = target === 'met' ? c.operator : NEGATED[c.operator];
  if (op === undefined || (typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value))) return undefined;
  const unit = REQUEST_NUMBERS[c.fact];
  if (unit && typeof c.value === 'number') {
    const bound = bounded(op, c.value, unit);
    return bound ? { kind: 'request', text: bound, criterion: leaf.id } : undefined;
  }
  const elapsed = ELAPSED[c.fact];
  if (elapsed && typeof c.value === 'number' && (op === 'greaterThan' || op === 'greaterThanInclusive')) {
    const weeks = `${c.value} week${c.value === 1 ? '' : 's'}`;
    return { kind: 'wait', text: `after ${op === 'greaterThan' ? 'more than ' : ''}${weeks} ${elapsed}`, criterion: leaf.id };
  }
  const kind = ACTIONABLE[c.fact];
  if (kind) return { kind, text: kind === 'request' && c.fact === 'acquisition' ? `${String(c.value).replace(/_/g, ' ')}, not ${c.value === 'rental' ? 'purchase' : 'rental'}` : c.missing ?? clause(leaf.text), criterion: leaf.id };
  return undefined;
}

function bounded(op: string, value: number, unit: Unit): string | undefined {
  const word = value === 1 ? unit.one : unit.many;
  const count = `${value}${word ? ` ${word}` : ''}`;
  const tail = unit.tail ? ` ${unit.tail}` : '';
  const lead = unit.lead ?? '';
  switch (op) {
    case 'lessThanInclusive': return `${lead}${count} or fewer${tail}`;
    case 'lessThan': return `${lead}fewer than ${count}${tail}`;
    case 'greaterThanInclusive': return `${lead}at least ${count}${tail}`;
    case 'greaterThan': return `${lead}more than ${count}${tail}`;
    case 'equal': return `${lead}exactly ${count}${tail}`;
    default: return undefined;
  }
}

/** A criterion's text as a clause inside a sentence: no closing full stop, a capital only where it belongs. */
export function clause(text: string): string {
  const t = text.replace(/[.\s]+$/, '');
  return /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}
