/** Compares two saved regression runs (`mtus regress --json`): the items whose prediction changed. */
import type { ItemOutcome } from './item-outcome.js';

export interface PredictionChange {
  source: string;
  item: number;
  request: string;
  actual: string | null;
  before: string;
  after: string;
  /** closer to the recorded IMR outcome, further from it, or neither */
  effect: 'fixed' | 'broke' | 'changed';
}

export interface RunDiff {
  before: string;
  after: string;
  compared: number;
  added: number;
  removed: number;
  changes: PredictionChange[];
}

export function diffRuns(before: { revision: string; predictions: ItemOutcome[] }, after: { revision: string; predictions: ItemOutcome[] }): RunDiff {
  const key = (o: ItemOutcome) => `${o.source}#${o.item}`;
  const old = new Map(before.predictions.map((o) => [key(o), o]));
  const changes: PredictionChange[] = [];
  let compared = 0;
  let added = 0;
  for (const o of after.predictions) {
    const prev = old.get(key(o));
    old.delete(key(o));
    if (!prev) {
      added++;
      continue;
    }
    compared++;
    if (prev.predicted === o.predicted) continue;
    const effect = o.actual === null ? 'changed' : o.predicted === o.actual ? 'fixed' : prev.predicted === o.actual ? 'broke' : 'changed';
    changes.push({ source: o.source, item: o.item, request: o.request, actual: o.actual, before: prev.predicted, after: o.predicted, effect });
  }
  return { before: before.revision, after: after.revision, compared, added, removed: old.size, changes };
}
