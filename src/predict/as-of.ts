/**
 * The date a request is judged at, which picks the guideline edition in force: the caller's
 * --as-of, else the request date, else the nearest date the records give, else today.
 */
import type { AsOf } from '../facts/fact-context.js';
import { todayIso } from '../facts/dates.js';
import type { Case, DisputedItem } from '../model/case-schema.js';

export function asOfFor(kase: Case, item: DisputedItem, override?: string): AsOf {
  if (override) return { date: override, from: 'option' };
  if (item.request_date) return { date: item.request_date, from: 'item request date' };
  const d = kase.dates ?? {};
  if (d.request) return { date: d.request, from: 'request date' };
  if (d.ur_denial) return { date: d.ur_denial, from: 'UR denial date' };
  if (d.assigned) return { date: d.assigned, from: 'date assigned' };
  if (d.last_visit) return { date: d.last_visit, from: 'last visit' };
  if (d.decision) return { date: d.decision, from: 'decision date' };
  return { date: todayIso(), from: 'today' };
}
