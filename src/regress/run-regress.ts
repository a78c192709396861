/**
 * Runs a regression: cuts the inputs into units of work (case files, letters, ranges of JSON
 * Lines), evaluates batches of them on this thread or on a pool of worker threads, and aggregates
 * outcomes in input order, so the report is identical whatever the number of workers.
 *
 * Batches are sized by estimated work, so about eight reach each worker: enough to keep every
 * worker busy to the end, few enough that handing them out costs nothing. Within a short window
 * the costliest batch goes out first, so a large letter does not finish last. Workers read their
 * own units and build their ruleset once from the main thread's; the main thread only lists
 * files, finds line boundaries and adds up results. At most a few batches are ahead of the one
 * being added up, so memory stays flat however large the corpus.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cacheDir } from '../cache/cache-dir.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { BUNDLED_RULES_DIR } from '../ruleset/ruleset.js';
import { inputFiles } from './inputs.js';
import { RegressCollector, type RegressReport } from './metrics.js';
import type { CompactResult } from './counts-only.js';
import { processBatch } from './process-batch.js';
import type { BatchMessage, WorkerSetup } from './worker.js';
import { batchesOf, fileCost, workUnits, type WorkUnit } from './work-units.js';

export interface RegressOptions {
  /** worker threads; 0 or 1 evaluates on this thread */
  workers: number;
  keepPredictions: boolean;
  maxMismatches?: number;
  /** at most this many units (files, ranges of lines) in a batch: finer progress */
  batchSize?: number;
  /** after each batch: cases read so far, and items scored so far (the report's `items` at the end) */
  onProgress?: (casesRead: number, itemsScored: number) => void;
}

export interface RegressRun {
  report: RegressReport;
  /** inputs that could not be read or did not validate, located; the others were still evaluated */
  problems: Diagnostic[];
  /** worth telling, not wrong: a letter decoded as Windows-1252 */
  notices: string[];
}

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * A worker's old generation is capped: V8 otherwise lets an idle-pressure heap grow with the run,
 * and peak memory must stay flat in the number of cases. Batches are small; PDFs fit easily.
 */
const WORKER_HEAP_MB = 128;

/** Batch sizes, in units of estimated work (about a byte of JSON Lines). */
const BATCHES_PER_WORKER = 8;
const MIN_BATCH = 32 << 10;
const MAX_BATCH = 1 << 20;

/** Worker threads run the compiled JavaScript; from TypeScript sources (tests) evaluate in-thread. */
export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

export async function runRegress(ruleset: Ruleset, paths: readonly string[], opts: RegressOptions): Promise<RegressRun> {
  const collector = new RegressCollector({ keepPredictions: opts.keepPredictions, maxMismatches: opts.maxMismatches });
  const problems: Diagnostic[] = [];
  const notices: string[] = [];
  let casesRead = 0;
  const consume = (r: CompactResult) => {
    problems.push(...r.problems);
    notices.push(...r.notices);
    for (const o of r.outcomes) collector.add(o);
    if (r.counts) collector.mergeCounts(r.counts);
    casesRead += r.records;
    opts.onProgress?.(casesRead, collector.scoredItems());
  };
  const files = inputFiles(paths, problems);
  const pooled = opts.workers > 1 && workersAvailable();
  const target = batchTarget(files, pooled ? opts.workers : 1);
  const batches = batchesOf(workUnits(files, target), target, opts.batchSize);
  const batchOptions = () => ({ keepPredictions: opts.keepPredictions, mismatchesFull: collector.mismatchesFull() });
  if (pooled) await runPooled(ruleset, batches, opts.workers, consume, batchOptions);
  else for (const batch of batches) consume(await processBatch(ruleset, batch));
  problems.sort(compareDiagnostics);
  return { report: collector.report(), problems, notices };
}

/** About BATCHES_PER_WORKER batches for each worker, from the inputs' sizes. */
function batchTarget(files: readonly string[], workers: number): number {
  const total = files.reduce((sum, f) => sum + fileCost(f, statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Math.ceil(total / (workers * BATCHES_PER_WORKER))));
}

interface Sequenced {
  seq: number;
  units: WorkUnit[];
  cost: number;
}

async function runPooled(
  ruleset: Ruleset,
  batches: Iterator<WorkUnit[]>,
  size: number,
  consume: (r: CompactResult) => void,
  batchOptions: () => Pick<BatchMessage, 'keepPredictions' | 'mismatchesFull'>,
): Promise<void> {
  // The bundled ruleset's vocabulary is the bundled vocabulary (a test holds them equal): workers take it from here.
  const bundled = resolve(ruleset.dir) === resolve(BUNDLED_RULES_DIR) && ruleset.catalog.data.vocabulary;
  const setup: WorkerSetup = { rulesDir: ruleset.dir, revision: ruleset.revision, content: ruleset.content, cacheDir: cacheDir(), ...(bundled ? { bundledVocabulary: bundled } : {}) };
  const workers = Array.from({ length: size }, () => new Worker(WORKER_FILE, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  // Batches read ahead but not yet sent; the costliest goes first.
  const window: Sequenced[] = [];
  const windowSize = 2 * size;
  // Results wait here until every earlier batch is in; no batch is sent too far ahead of them.
  const pending = new Map<number, CompactResult>();
  const maxAhead = 8 * size;
  let nextSeq = 0;
  let nextToConsume = 0;
  let exhausted = false;
  const queued = new Map<Worker, number>();
  try {
    await new Promise<void>((resolve, reject) => {
      const refill = () => {
        while (!exhausted && window.length < windowSize) {
          const next = batches.next();
          if (next.done) exhausted = true;
          else window.push({ seq: nextSeq++, units: next.value, cost: next.value.reduce((c, u) => c + u.cost, 0) });
        }
      };
      const costliest = (): Sequenced | undefined => {
        let best = -1;
        for (let i = 0; i < window.length; i++) {
          if (window[i]!.seq >= nextToConsume + maxAhead) continue;
          if (best < 0 || window[i]!.cost > window[best]!.cost) best = i;
        }
        return best < 0 ? undefined : window.splice(best, 1)[0];
      };
      // Each worker holds up to two batches, so it never waits for the main thread between them.
      const feed = () => {
        refill();
        for (let round = 0; round < 2; round++) {
          for (const w of workers) {
            if ((queued.get(w) ?? 0) > round) continue;
            const b = costliest();
            if (!b) break;
            queued.set(w, (queued.get(w) ?? 0) + 1);
            // Batches are added up in order: a mismatch list full now stays full for this one.
            w.postMessage({ seq: b.seq, units: b.units, ...batchOptions() } satisfies BatchMessage);
            refill();
          }
        }
        const inFlight = [...queued.values()].reduce((a, b) => a + b, 0);
        if (exhausted && window.length === 0 && inFlight === 0 && pending.size === 0) resolve();
      };
      for (const w of workers) {
        w.on('message', (msg: { seq: number; error?: string; stack?: string } & CompactResult) => {
          queued.set(w, queued.get(w)! - 1);
          // A bug in a worker: its message for the user, its stack only for MTUS_DEBUG.
          if (msg.error) return reject(Object.assign(new Error(msg.error), { stack: msg.stack }));
          pending.set(msg.seq, msg);
          while (pending.has(nextToConsume)) {
            consume(pending.get(nextToConsume)!);
            pending.delete(nextToConsume++);
          }
          feed();
        });
        w.on('error', reject);
      }
      feed();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
