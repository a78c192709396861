/** A regression worker thread: loads its own ruleset (and so its own engines) and processes batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleset } from '../ruleset/load-ruleset.js';
import type { InputRecord } from './inputs.js';
import { processBatch } from './process-batch.js';

const ruleset = loadRuleset((workerData as { rulesDir: string }).rulesDir);

parentPort!.on('message', (msg: { seq: number; records: InputRecord[] }) => {
  processBatch(ruleset, msg.records).then(
    (result) => parentPort!.postMessage({ seq: msg.seq, ...result }),
    (error: Error) => parentPort!.postMessage({ seq: msg.seq, error: error.message, stack: error.stack }),
  );
});
