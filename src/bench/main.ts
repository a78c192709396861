/**
 * `npm run bench`: (1) per-item cost of mtus against raw json-rules-engine on the same conditions;
 * (2) regress throughput and peak memory on generated JSON Lines corpora of 25,000 and 100,000
 * cases, with one and two worker threads. A script, not a test: timings are printed, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset } from '../ruleset/load-ruleset.js';
import { generateCase, random } from './generate.js';
import { measureHttpCheck } from './http-check.js';
import { measurePerItem } from './per-item.js';

const CHILD = fileURLToPath(new URL('./regress-child.js', import.meta.url));
const sizes = (process.env.MTUS_BENCH_SIZES ?? '25000,100000').split(',').map(Number).filter((n) => n > 0);
/** MTUS_BENCH_HTTP=only runs the server figures alone; =0 leaves them out. */
const http = process.env.MTUS_BENCH_HTTP ?? '1';

async function writeCorpus(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  const rnd = random(42);
  for (let i = 0; i < n; i++) {
    if (!out.write(`${JSON.stringify(generateCase(i, rnd))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function runChild(file: string, workers: number): { ms: number; items: number; maxRssKb: number } {
  return JSON.parse(execFileSync(process.execPath, [CHILD, file, String(workers)], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

const ruleset = loadRuleset();
if (http !== '0') {
  const h = await measureHttpCheck(ruleset);
  console.log('POST /api/check on a warm mtus serve (autocannon, seed cases in turn, 10 s a run)');
  console.log(`  in-process, one check      ${h.inProcess.wallMicros.toFixed(0)} µs wall, ${h.inProcess.cpuMicros.toFixed(0)} µs CPU (parse, validate, predict, explain, summarise, serialise)`);
  for (const r of h.runs) {
    console.log(`  ${String(r.connections).padStart(3)} connection${r.connections === 1 ? ' ' : 's'}           ${String(Math.round(r.perSecond)).padStart(5)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   (${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`);
  }
  console.log('  goal: p99 ≤ 5 ms at 200 connections; with every connection waiting on its answer, p99 is the queue (connections / throughput)\n');
  if (http === 'only') process.exit(0);
}
const rnd = random(7);
const cases = Array.from({ length: 500 }, (_, i) => generateCase(i, rnd));
const perItem = await measurePerItem(ruleset, cases);
console.log('Per-item evaluation (best of 7 rounds)');
console.log(`  items                      ${perItem.items}`);
console.log(`  mtus                       ${perItem.mtusMicros.toFixed(1)} µs/item`);
console.log(`  raw json-rules-engine      ${perItem.rawMicros.toFixed(1)} µs/item`);
console.log(`  ratio mtus / raw           ${perItem.ratio.toFixed(2)}  (target ≤ 1.5)`);

const dir = mkdtempSync(join(tmpdir(), 'mtus-bench-'));
try {
  console.log('\nRegress throughput (generated JSON Lines corpus)');
  console.log('  cases     workers   items      seconds   items/s   peak RSS');
  for (const n of sizes) {
    const file = join(dir, `corpus-${n}.jsonl`);
    await writeCorpus(file, n);
    for (const workers of [1, 2]) {
      const r = runChild(file, workers);
      console.log(`  ${String(n).padEnd(9)} ${String(workers).padEnd(9)} ${String(r.items).padEnd(10)} ${(r.ms / 1000).toFixed(1).padEnd(9)} ${Math.round((1000 * r.items) / r.ms).toString().padEnd(9)} ${(r.maxRssKb / 1024).toFixed(0)} MB`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
