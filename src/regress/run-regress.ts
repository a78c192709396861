/**
 * Runs a regression: reads records, evaluates them on this thread or on a pool of worker threads
 * (each with its own ruleset and engines: json-rules-engine keeps run state on the Engine), and
 * aggregates outcomes in input order, so the report is identical whatever the number of workers.
 * At most a few batches are in flight, so memory stays flat however large the corpus.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { inputFiles, readRecords, type InputRecord } from './inputs.js';
import { RegressCollector, type RegressReport } from './metrics.js';
import { processBatch, type BatchResult } from './process-batch.js';

export interface RegressOptions {
  /** worker threads; 0 or 1 evaluates on this thread */
  workers: number;
  keepPredictions: boolean;
  maxMismatches?: number;
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

/** Worker threads run the compiled JavaScript; from TypeScript sources (tests) evaluate in-thread. */
export function workersAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

export async function runRegress(ruleset: Ruleset, paths: readonly string[], opts: RegressOptions): Promise<RegressRun> {
  const collector = new RegressCollector({ keepPredictions: opts.keepPredictions, maxMismatches: opts.maxMismatches });
  const problems: Diagnostic[] = [];
  const notices: string[] = [];
  let casesRead = 0;
  const consume = (r: BatchResult) => {
    problems.push(...r.problems);
    notices.push(...r.notices);
    for (const o of r.outcomes) collector.add(o);
    casesRead += r.records;
    opts.onProgress?.(casesRead, collector.scoredItems());
  };
  const batches = batched(readRecords(inputFiles(paths, problems)), opts.batchSize ?? 64);
  if (opts.workers > 1 && workersAvailable()) await runPooled(ruleset.dir, batches, opts.workers, consume);
  else for await (const batch of batches) consume(await processBatch(ruleset, batch));
  problems.sort(compareDiagnostics);
  return { report: collector.report(), problems, notices };
}

async function* batched(records: AsyncIterable<InputRecord>, size: number): AsyncGenerator<InputRecord[]> {
  let batch: InputRecord[] = [];
  for await (const r of records) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function runPooled(rulesDir: string, batches: AsyncGenerator<InputRecord[]>, size: number, consume: (r: BatchResult) => void): Promise<void> {
  const workers = Array.from({ length: size }, () => new Worker(WORKER_FILE, { workerData: { rulesDir }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  // Results wait here until every earlier batch is in; a worker idles when too many wait.
  const pending = new Map<number, BatchResult>();
  const maxPending = 4 * size;
  const idle: Worker[] = [];
  let nextToConsume = 0;
  let nextSeq = 0;
  let inFlight = 0;
  let exhausted = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const flush = () => {
        while (pending.has(nextToConsume)) {
          consume(pending.get(nextToConsume)!);
          pending.delete(nextToConsume++);
        }
        while (idle.length > 0 && pending.size < maxPending && !exhausted) feed(idle.pop()!).catch(reject);
        if (exhausted && inFlight === 0 && pending.size === 0) resolve();
      };
      const feed = async (w: Worker) => {
        inFlight++;
        const next = await batches.next();
        if (next.done) {
          inFlight--;
          exhausted = true;
          flush();
          return;
        }
        w.postMessage({ seq: nextSeq++, records: next.value });
      };
      for (const w of workers) {
        w.on('message', (msg: { seq: number; error?: string; stack?: string } & BatchResult) => {
          inFlight--;
          // A bug in a worker: its message for the user, its stack only for MTUS_DEBUG.
          if (msg.error) return reject(Object.assign(new Error(msg.error), { stack: msg.stack }));
          pending.set(msg.seq, msg);
          if (pending.size < maxPending && !exhausted) feed(w).catch(reject);
          else idle.push(w);
          flush();
        });
        w.on('error', reject);
        feed(w).catch(reject);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
