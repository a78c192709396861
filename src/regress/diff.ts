/**
 * Compares two saved regression runs (`mtus regress --json`): the items whose prediction changed,
 * whether each change moved towards the IMR decision or away from it, and how the metrics moved.
 */
import type { ItemOutcome } from './item-outcome.js';
import { RegressCollector } from './metrics.js';

export interface PredictionChange {
  source: string;
  item: number;
  request: string;
  actual: string | null;
  before: string;
  after: string;
  /** towards the recorded IMR outcome, away from it (it agreed and no longer does), or neither */
  effect: 'fixed' | 'broke' | 'changed';
}

/** The headline metrics of one run, recomputed from its predictions. */
export interface DiffMetrics {
  items: number;
  /** share of scored items some rule applied to */
  coverage: number;
  accuracy: number;
  balanced_accuracy: number;
  overturned_recall: number;
  overturned_precision: number | null;
}

export interface RunDiff {
  before: string;
  after: string;
  compared: number;
  added: number;
  removed: number;
  changes: PredictionChange[];
  metrics: { before: DiffMetrics; after: DiffMetrics };
}

export interface SavedRun {
  revision: string;
  predictions: ItemOutcome[];
}

export function diffRuns(before: SavedRun, after: SavedRun): RunDiff {
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
  return {
    before: before.revision,
    after: after.revision,
    compared,
    added,
    removed: old.size,
    changes,
    metrics: { before: metricsOf(before.predictions), after: metricsOf(after.predictions) },
  };
}

function metricsOf(predictions: readonly ItemOutcome[]): DiffMetrics {
  const collector = new RegressCollector({ keepPredictions: false, maxMismatches: 0 });
  for (const p of predictions) collector.add({ ...p, identities: [] });
  const r = collector.report();
  return {
    items: r.items,
    coverage: r.items === 0 ? 0 : Math.round((10000 * r.covered) / r.items) / 10000,
    accuracy: r.accuracy,
    balanced_accuracy: r.balanced_accuracy,
    overturned_recall: r.overturned_recall,
    overturned_precision: r.overturned_precision,
  };
}

export const FAIL_ON = ['worse', 'any', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Does the diff fail the run: any prediction that got worse, any change at all, or never. */
export function diffFails(d: RunDiff, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return failOn === 'any' ? d.changes.length > 0 : d.changes.some((c) => c.effect === 'broke');
}
