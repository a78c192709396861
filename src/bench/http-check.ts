/**
 * `POST /api/check` under load: a warm `mtus serve` in a child process, autocannon in this one,
 * 200 concurrent connections posting the seed cases in turn, each sending its next request as
 * soon as its last is answered. Then the latency is mostly the queue: 200 requests in flight on
 * one event loop wait for each other (Little's law: latency = connections / throughput). One
 * and ten connections show the service time and a small queue. Beside them, the in-process cost
 * of one check (parse, validate, predict, explain, summarise, serialise).
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
  /** wall-clock and CPU microseconds of one check in process (CPU time holds on a busy machine) */
  inProcess: { wallMicros: number; cpuMicros: number };
  runs: Run[];
}

interface Run {
  connections: number;
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

export async function measureHttpCheck(ruleset: Ruleset, opts: { connections?: number[]; seconds?: number } = {}): Promise<HttpFigures> {
  const seconds = opts.seconds ?? 10;
  const bodies = seedBodies();
  const inProcess = await inProcessCheck(ruleset, bodies);
  const { child, url } = await startServer();
  try {
    const load = (connections: number, duration: number) =>
      autocannon({
        url: `${url}/api/check`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((body) => ({ body })),
        connections,
        duration,
      });
    await load(200, 3); // warm-up: JIT, engine pools, ajv
    const runs: Run[] = [];
    for (const connections of opts.connections ?? [200, 10, 1]) runs.push({ connections, ...figures(await load(connections, seconds)) });
    return { inProcess, runs };
  } finally {
    child.kill('SIGTERM');
  }
}

function figures(r: autocannon.Result): Omit<Run, 'connections'> {
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
