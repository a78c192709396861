/**
 * Regress on generated JSON Lines corpora, with one and with two workers: seconds, cases per
 * second, the two-worker speed-up pair by pair, and peak memory (the whole process).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateCase, random } from './generate.js';
import { spread, type Spread } from './stats.js';
import { timeMtus } from './run-child.js';

export async function writeCorpus(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  const rnd = random(42);
  for (let i = 0; i < n; i++) {
    if (!out.write(`${JSON.stringify(generateCase(i, rnd))}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export interface CorpusRun {
  cases: number;
  seconds: Record<'1' | '2', Spread>;
  speedup: Spread;
  peakRssMib: Record<'1' | '2', Spread>;
}

export function measureCorpus(file: string, cases: number, repeats: number, env: NodeJS.ProcessEnv): CorpusRun {
  const ms: Record<'1' | '2', number[]> = { 1: [], 2: [] };
  const rss: Record<'1' | '2', number[]> = { 1: [], 2: [] };
  for (let i = 0; i < repeats; i++) {
    for (const w of ['1', '2'] as const) {
      const t = timeMtus(['regress', file, '--workers', w, '--no-save'], env);
      ms[w].push(t.ms);
      rss[w].push((t.maxRssKb ?? 0) / 1024);
    }
  }
  return {
    cases,
    seconds: { 1: spread(ms[1].map((t) => t / 1000)), 2: spread(ms[2].map((t) => t / 1000)) },
    speedup: spread(ms[1].map((t, i) => t / ms[2][i]!)),
    peakRssMib: { 1: spread(rss[1]), 2: spread(rss[2]) },
  };
}
