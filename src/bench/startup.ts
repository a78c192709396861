/** `mtus check` against `node -e 0`: whole processes, in turn, the ratio taken pair by pair. */
import { spread, type Spread } from './stats.js';
import { timeNode } from './run-child.js';

export interface StartupResult {
  checkMs: Spread;
  nodeMs: Spread;
  ratio: Spread;
}

export function measureStartup(cli: string, kase: string, runs: number, env: NodeJS.ProcessEnv): StartupResult {
  const check = [cli, 'check', kase];
  // The first run writes the ruleset snapshot; a user's second check is the one that counts.
  timeNode(check, env);
  timeNode(['-e', '0'], env);
  const c: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < runs; i++) {
    c.push(timeNode(check, env).ms);
    n.push(timeNode(['-e', '0'], env).ms);
  }
  return { checkMs: spread(c), nodeMs: spread(n), ratio: spread(c.map((t, i) => t / n[i]!)) };
}
