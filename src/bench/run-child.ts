/**
 * Runs a command as a whole process and measures it from outside: wall time, and for `mtus` the
 * peak memory of the process (all its threads), reported by cli-child.js when it exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI_CHILD = fileURLToPath(new URL('./cli-child.js', import.meta.url));

export interface Timed {
  ms: number;
  /** peak resident memory of the process, when measured */
  maxRssKb?: number;
}

/** `node args...`, output discarded; throws when it fails. */
export function timeNode(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
  return { ms };
}

/** `mtus args...` as users run it (the built command), with its peak memory. */
export function timeMtus(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'mtus-bench-rss-'));
  const report = join(dir, 'rss.json');
  try {
    const t = timeNode([CLI_CHILD, ...args], { ...env, MTUS_BENCH_RSS_FILE: report });
    return { ...t, maxRssKb: (JSON.parse(readFileSync(report, 'utf8')) as { maxRssKb: number }).maxRssKb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
