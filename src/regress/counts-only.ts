/**
 * Outcomes a worker adds up itself, so the main thread receives numbers instead of objects. Only
 * outcomes that can change no list in the report qualify: no case identity (so never a duplicate,
 * never claimed), no pinned prediction, no reason comparison, and either no mismatch or a
 * mismatch list already full. Whatever order they are counted in, the report is the same.
 */
import type { BatchResult } from './process-batch.js';
import type { ItemOutcome } from './item-outcome.js';
import { RegressCollector, type Counts } from './metrics.js';

export interface CompactResult extends BatchResult {
  counts?: Counts;
}

function countsOnly(o: ItemOutcome, mismatchesFull: boolean): boolean {
  // A case identity (duplicates), a pin (pinned counts and failures), a reason comparison (its
  // own counts and the items right for the wrong reason) each take the outcome itself.
  if (o.identities.length > 0 || o.expect || o.reason) return false;
  return o.actual === null || o.predicted === o.actual || mismatchesFull;
}

/** The batch with its counts-only outcomes added up; all of them kept when predictions are. */
export function compactResult(r: BatchResult, opts: { keepPredictions: boolean; mismatchesFull: boolean }): CompactResult {
  if (opts.keepPredictions) return r;
  const tally = new RegressCollector({ keepPredictions: false, maxMismatches: 0 });
  const outcomes: ItemOutcome[] = [];
  for (const o of r.outcomes) {
    if (countsOnly(o, opts.mismatchesFull)) tally.add(o);
    else outcomes.push(o);
  }
  return { ...r, outcomes, counts: tally.counts() };
}

