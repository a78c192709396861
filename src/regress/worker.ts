/**
 * A regression worker thread. It builds its ruleset once from the content the main thread hands
 * over (no file is read or validated again), then reads and evaluates the units of each batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setCacheDir } from '../cache/cache-dir.js';
import type { RequestVocabulary } from '../model/catalog-schema.js';
import { useBundledVocabulary } from '../request/bundled-places.js';
import { assembleRuleset, parseRulesetFiles, type RulesetContent } from '../ruleset/ruleset.js';
import { compactResult } from './counts-only.js';
import { processBatch } from './process-batch.js';
import type { WorkUnit } from './work-units.js';

export interface WorkerSetup {
  rulesDir: string;
  revision: string;
  content: RulesetContent;
  cacheDir: string | undefined;
  /** the bundled request vocabulary when the parent has it (the ruleset is the bundled one): not read again here */
  bundledVocabulary?: RequestVocabulary;
}

const setup = workerData as WorkerSetup;
setCacheDir(setup.cacheDir);
if (setup.bundledVocabulary) useBundledVocabulary(setup.bundledVocabulary);
const { ruleset } = assembleRuleset(setup.rulesDir, setup.revision, setup.content, () => parseRulesetFiles(setup.rulesDir));

export interface BatchMessage {
  seq: number;
  units: WorkUnit[];
  keepPredictions: boolean;
  mismatchesFull: boolean;
}

parentPort!.on('message', (msg: BatchMessage) => {
  processBatch(ruleset, msg.units).then(
    (result) => parentPort!.postMessage({ seq: msg.seq, ...compactResult(result, msg) }),
    (error: Error) => parentPort!.postMessage({ seq: msg.seq, error: error.message, stack: error.stack }),
  );
});
