/**
 * Letters per second, end to end (`mtus regress` on a folder of letters), with one and with two
 * workers. Text: the shared letters repeated to over a thousand. PDF: each shared letter once,
 * with the extracted-text cache emptied before every run, so extraction itself is measured.
 */
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { spread, type Spread } from './stats.js';
import { timeMtus } from './run-child.js';

export interface LetterRates {
  letters: number;
  /** letters per second, by number of workers */
  perSecond: Record<'1' | '2', Spread>;
  /** per repeat, the time with one worker over the time with two */
  speedup: Spread;
}

/** A folder of links to the letters of `kind`, each repeated `times`. */
export function letterCorpus(source: string, into: string, kind: 'txt' | 'pdf', times: number): number {
  mkdirSync(into, { recursive: true });
  const letters = readdirSync(source).filter((f) => f.endsWith(`.${kind}`));
  for (let r = 0; r < times; r++) for (const f of letters) symlinkSync(join(source, f), join(into, `r${r}-${f}`));
  return letters.length * times;
}

export function measureLetters(dir: string, letters: number, repeats: number, env: NodeJS.ProcessEnv, cacheDir: string): LetterRates {
  const times: Record<'1' | '2', number[]> = { 1: [], 2: [] };
  for (let i = 0; i < repeats; i++) {
    for (const w of ['1', '2'] as const) {
      rmSync(join(cacheDir, 'pdf-text'), { recursive: true, force: true });
      times[w].push(timeMtus(['regress', dir, '--workers', w, '--no-save'], env).ms);
    }
  }
  const rate = (ms: number[]) => spread(ms.map((t) => (1000 * letters) / t));
  return { letters, perSecond: { 1: rate(times[1]), 2: rate(times[2]) }, speedup: spread(times[1].map((t, i) => t / times[2][i]!)) };
}
