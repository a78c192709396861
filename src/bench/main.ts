/**
 * `npm run bench`: every figure where users wait, in one run, each as a ratio against its
 * reference and repeated (min and median; quote the median):
 *   1. `mtus check` start-up against `node -e 0`, whole processes in turn;
 *   2. per-item evaluation against bare json-rules-engine `engine.run` on the same rules;
 *   3. text and PDF letters per second with one and two workers, and the speed-up;
 *   4. generated JSON Lines corpora (25,000 and 100,000 cases) with one and two workers, the
 *      speed-up and peak memory;
 *   5. `POST /api/check` latency on a warm `mtus serve` (src/bench/http-check.ts) at 200, 10 and 1
 *      connections, beside the in-process cost of one check.
 * `--json` prints the headline figures as one object. A script, not a test: nothing is asserted.
 * MTUS_BENCH_ONLY=startup,per-item,letters,jsonl,http picks figures; MTUS_BENCH_SIZES and
 * MTUS_BENCH_REPEATS size the corpora runs; MTUS_BENCH_LETTERS names the letters folder.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset } from '../ruleset/load-ruleset.js';
import { generateCase, random } from './generate.js';
import { measureHttpCheck, type HttpFigures } from './http-check.js';
import { measureCorpus, writeCorpus, type CorpusRun } from './jsonl.js';
import { letterCorpus, measureLetters, type LetterRates } from './letters.js';
import { measurePerItem, type PerItemResult } from './per-item.js';
import { measureStartup, type StartupResult } from './startup.js';
import { round, type Spread } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const CASE = join(ROOT, 'cases', 'dwc-2016-2017', 'CM16-0213037.yaml');
const LETTERS = process.env.MTUS_BENCH_LETTERS ?? join(ROOT, '..', 'shared', 'determinations', 'dwc-2016-2017');
const only = new Set((process.env.MTUS_BENCH_ONLY ?? 'startup,per-item,letters,jsonl,http').split(','));
const sizes = (process.env.MTUS_BENCH_SIZES ?? '25000,100000').split(',').map(Number);
const repeats = Number(process.env.MTUS_BENCH_REPEATS ?? 3);
const json = process.argv.includes('--json');

const work = mkdtempSync(join(tmpdir(), 'mtus-bench-'));
// Its own cache, so the figures do not depend on what earlier runs left behind.
const cacheDir = join(work, 'cache');
const env = { ...process.env, MTUS_CACHE_DIR: cacheDir, NO_COLOR: '1' };
const say = (line: string) => {
  if (!json) console.log(line);
};
const fmt = (s: Spread, unit = '', digits = 2) => `median ${round(s.median, digits)}${unit}  min ${round(s.min, digits)}${unit}  (${s.runs} runs)`;

let startup: StartupResult | undefined;
let perItem: PerItemResult | undefined;
const letters: Partial<Record<'text' | 'pdf', LetterRates>> = {};
const corpora: CorpusRun[] = [];
let http: HttpFigures | undefined;

try {
  if (only.has('startup')) {
    startup = measureStartup(CLI, CASE, Number(process.env.MTUS_BENCH_STARTUP_RUNS ?? 11), env);
    say('1. Start-up: mtus check <case> against node -e 0 (whole processes, in turn)');
    say(`   check        ${fmt(startup.checkMs, ' ms', 0)}`);
    say(`   node -e 0    ${fmt(startup.nodeMs, ' ms', 0)}`);
    say(`   ratio        ${fmt(startup.ratio, '×')}   target ≤ 2.0×`);
  }

  if (only.has('per-item')) {
    const rnd = random(7);
    perItem = await measurePerItem(loadRuleset(), Array.from({ length: 500 }, (_, i) => generateCase(i, rnd)));
    say(`\n2. Per item: mtus against bare json-rules-engine engine.run on the same rules (${perItem.items} items)`);
    say(`   mtus         ${fmt(perItem.mtusMicros, ' µs', 1)}`);
    say(`   engine.run   ${fmt(perItem.rawMicros, ' µs', 1)}`);
    say(`   ratio        ${fmt(perItem.ratio, '×')}   target ≤ 1.0×`);
  }

  if (only.has('letters')) {
    if (!existsSync(LETTERS)) say(`\n3. Letters: skipped, no letters at ${LETTERS} (set MTUS_BENCH_LETTERS)`);
    else {
      say('\n3. Letters per second, end to end (mtus regress on a folder of letters)');
      for (const kind of ['text', 'pdf'] as const) {
        const dir = join(work, `letters-${kind}`);
        // Text letters repeated past a thousand; each PDF once, its text cache emptied before every run.
        const n = letterCorpus(LETTERS, dir, kind === 'text' ? 'txt' : 'pdf', kind === 'text' ? 11 : 1);
        const r = (letters[kind] = measureLetters(dir, n, repeats, env, cacheDir));
        say(`   ${kind} (${n} letters)`);
        say(`     1 worker   ${fmt(r.perSecond[1], '/s', 1)}`);
        say(`     2 workers  ${fmt(r.perSecond[2], '/s', 1)}${kind === 'text' ? '   target ≥ 150/s' : ''}`);
        say(`     speed-up   ${fmt(r.speedup, '×')}   target ≥ 1.7×`);
      }
    }
  }

  if (only.has('jsonl')) {
    say('\n4. Regress on generated JSON Lines corpora');
    for (const n of sizes) {
      const file = join(work, `corpus-${n}.jsonl`);
      await writeCorpus(file, n);
      const r = measureCorpus(file, n, repeats, env);
      corpora.push(r);
      rmSync(file, { force: true });
      say(`   ${n} cases`);
      for (const w of ['1', '2'] as const) {
        say(`     ${w} worker${w === '1' ? ' ' : 's'}  ${fmt(r.seconds[w], ' s', 1)}  ${Math.round(n / r.seconds[w].median)} cases/s  peak ${Math.round(r.peakRssMib[w].max)} MiB`);
      }
      say(`     speed-up   ${fmt(r.speedup, '×')}   target ≥ 1.7×`);
    }
    if (corpora.length > 1) say(`   peak memory from ${corpora[0]!.cases} to ${corpora.at(-1)!.cases} cases: ${peak(corpora[0]!)} → ${peak(corpora.at(-1)!)} MiB (flat is the target)`);
  }
  if (only.has('http')) {
    http = await measureHttpCheck(loadRuleset());
    say('\n5. POST /api/check on a warm mtus serve (autocannon, seed cases in turn, 10 s a run)');
    say(`   in-process, one check  ${round(http.inProcess.wallMicros, 0)} µs wall, ${round(http.inProcess.cpuMicros, 0)} µs CPU (parse, validate, predict, explain, summarise, serialise)`);
    for (const r of http.runs) {
      say(`   ${String(r.connections).padStart(3)} connection${r.connections === 1 ? ' ' : 's'}  ${String(Math.round(r.perSecond)).padStart(5)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   (${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`);
    }
    say('   goal: p99 ≤ 5 ms at 200 connections; with every connection waiting on its answer, p99 is the queue (connections / throughput)');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (json) {
  const at = (n: number) => corpora.find((c) => c.cases === n);
  const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
  const figures = {
    check_vs_node: startup ? round(startup.ratio.median) : null,
    per_item_vs_engine_run: perItem ? round(perItem.ratio.median) : null,
    letters_per_s: Object.fromEntries((['text', 'pdf'] as const).map((k) => [k, { 1: rate(letters[k], '1'), 2: rate(letters[k], '2') }])),
    jsonl_speedup_2_workers: (at(25000) ?? corpora[0]) ? round((at(25000) ?? corpora[0])!.speedup.median) : null,
    peak_rss_mib: Object.fromEntries(corpora.map((c) => [label(c.cases), peak(c)])),
    api_check_ms: http ? Object.fromEntries(http.runs.map((r) => [`${r.connections}_connections`, { p50: r.p50, p99: r.p99, per_s: Math.round(r.perSecond) }])) : null,
    api_check_in_process_us: http ? round(http.inProcess.cpuMicros, 0) : null,
  };
  console.log(JSON.stringify(figures, null, 2));
}

function rate(r: LetterRates | undefined, w: '1' | '2'): number | null {
  return r ? round(r.perSecond[w].median, 1) : null;
}

/** The highest peak of any run on the corpus (one or two workers). */
function peak(c: CorpusRun): number {
  return Math.round(Math.max(c.peakRssMib[1].max, c.peakRssMib[2].max));
}
