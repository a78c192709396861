/**
 * Every prediction is the same with the speed work as without it. The fast path is the built
 * command as users run it: bundled, its ruleset read back from a warm snapshot, cases recognised by
 * the generated quick check, each item's comparisons shared across its rules in one engine run,
 * two workers reading their own ranges. The reference path runs in this process from the sources:
 * every case validated by zod, the ruleset parsed and checked from its YAML files (no cache), each
 * rule evaluated by itself in its own engine run, one thread. `regress --json` must be identical
 * on a generated corpus and on the shared letters.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateCase, random } from '../../src/bench/generate.js';
import { ROOT, SHARED } from '../helpers.js';
import { mtusIn } from '../reliability/harness.js';

const calls = vi.hoisted(() => ({ quick: 0, alone: 0 }));

// The reference path: no quick answer, so zod validates every case.
vi.mock('../../src/cases/case-shape.js', () => ({
  quickCase: () => {
    calls.quick++;
    return undefined;
  },
}));

// The reference path: each rule in its own engine run, sharing no comparison with another rule.
vi.mock('../../src/engine/run-leaves.js', async (original) => {
  const real = await original<typeof import('../../src/engine/run-leaves.js')>();
  return {
    ...real,
    runLeaves: async (rules: Parameters<typeof real.runLeaves>[0], ctx: Parameters<typeof real.runLeaves>[1]) => {
      const out = [];
      for (const rule of rules) {
        calls.alone++;
        out.push((await real.runLeaves([rule], ctx))[0]!);
      }
      return out;
    },
  };
});

const tmp = mkdtempSync(join(tmpdir(), 'mtus-reference-'));
const cache = mkdtempSync(join(tmpdir(), 'mtus-reference-cache-'));

/** The built command with everything that makes it fast: warm snapshot, quick check, two workers. */
function fast(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'regress', ...args, '--json', '--workers', '2', '--no-save'], {
      cwd: ROOT, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1', MTUS_CACHE_DIR: cache },
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
}

async function reference(args: string[]): Promise<string> {
  const r = await mtusIn(['regress', ...args, '--json', '--workers', '1', '--no-save'], { MTUS_NO_CACHE: '1', NO_COLOR: '1' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('the same predictions as the reference path (zod, rules from YAML, each rule alone, one thread)', () => {
  it('a generated corpus', async () => {
    const rnd = random(29);
    const file = join(tmp, 'corpus.jsonl');
    writeFileSync(file, `${Array.from({ length: 400 }, (_, i) => JSON.stringify(generateCase(i, rnd))).join('\n')}\n`);
    await fast([file]); // the first run writes the snapshot the second reads
    const after = await fast([file]);
    calls.quick = calls.alone = 0;
    const before = await reference([file]);
    // the reference path was taken: every case asked zod, rules ran one at a time
    expect(calls.quick).toBe(400);
    expect(calls.alone).toBeGreaterThan(400);
    const report = JSON.parse(after);
    expect(report.predictions.length).toBeGreaterThan(1000);
    // both outcomes, each with its criteria, are compared
    expect(new Set(report.predictions.map((p: { predicted: string }) => p.predicted))).toEqual(new Set(['upheld', 'overturned']));
    expect(after).toBe(before);
  }, 600_000);

  it('the shared letters', async () => {
    const dir = join(SHARED, 'dwc-2016-2017');
    const letters = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
    expect(letters.length).toBe(97);
    const after = await fast(letters);
    expect(JSON.parse(after).items).toBeGreaterThan(150);
    expect(after).toBe(await reference(letters));
  }, 600_000);
});
