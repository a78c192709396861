/**
 * `POST /api/check` under load: a warm `mtus serve` in a child process, autocannon in this one,
 * 200 concurrent connections posting the seed cases in turn. Saturated, the latency is the queue
 * (200 connections over the server's throughput); at a fixed offered rate it is the service time.
 * Beside it, the in-process cost of one check (validation, prediction, explanation, summary, JSON).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { parse } from 'yaml';
import { loadAgreement } from '../advice/agreement.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { Checker } from '../serve/checker.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface HttpFigures {
  connections: number;
  /** wall-clock and CPU microseconds of one check in process (CPU time holds on a busy machine) */
  inProcess: { wallMicros: number; cpuMicros: number };
  saturated: Run;
  paced: Run & { offered: number };
}

interface Run {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export function seedBodies(): string[] {
  const dir = join(ROOT, 'cases', 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => JSON.stringify(parse(readFileSync(join(dir, f), 'utf8'))));
}

/** One check of one case (parse, validate, predict, explain, summarise, serialise): best of several rounds over the seed cases. */
export async function inProcessCheck(ruleset: Ruleset, bodies: string[], rounds = 7, perRound = 300): Promise<HttpFigures['inProcess']> {
  const checker = new Checker(ruleset, loadAgreement(ruleset.dir));
  const once = async (body: string) => JSON.stringify(await checker.check(checker.validCase(JSON.parse(body))));
  for (let i = 0; i < perRound; i++) await once(bodies[i % bodies.length]!);
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    for (let i = 0; i < perRound; i++) await once(bodies[i % bodies.length]!);
    const used = process.cpuUsage(c);
    wall = Math.min(wall, (1000 * (performance.now() - t)) / perRound);
    cpu = Math.min(cpu, (used.user + used.system) / perRound);
  }
  return { wallMicros: wall, cpuMicros: cpu };
}

export async function measureHttpCheck(ruleset: Ruleset, opts: { connections?: number; seconds?: number; offered?: number } = {}): Promise<HttpFigures> {
  const connections = opts.connections ?? 200;
  const seconds = opts.seconds ?? 10;
  const bodies = seedBodies();
  const inProcess = await inProcessCheck(ruleset, bodies);
  const { child, url } = await startServer();
  try {
    const load = (extra: Partial<autocannon.Options>) =>
      autocannon({
        url: `${url}/api/check`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((body) => ({ body })),
        connections,
        ...extra,
      });
    await load({ duration: 3 }); // warm-up: JIT, engine pools, ajv
    const saturated = figures(await load({ duration: seconds }));
    // Offered well below the saturated rate, so the figure is the service time, not the queue.
    const offered = opts.offered ?? Math.max(100, Math.round(saturated.perSecond * 0.5 / 100) * 100);
    const paced = { ...figures(await load({ duration: seconds, overallRate: offered })), offered };
    return { connections, inProcess, saturated, paced };
  } finally {
    child.kill('SIGTERM');
  }
}

function figures(r: autocannon.Result): Run {
  return { requests: r.requests.total, perSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) => reject(new Error(`mtus serve exited (${code}) before listening`)));
  });
}
