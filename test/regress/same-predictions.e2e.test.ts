/**
 * However the work is done, the predictions and the report are the same: one thread or two
 * workers reading their own ranges and adding up counts themselves, a ruleset loaded in full or
 * read back from its snapshot. Checked on a generated corpus (with repeated cases and more
 * mismatches than a report lists) and on the shared letters. Predictions, not timings.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase, random } from '../../src/bench/generate.js';
import { ROOT, SHARED } from '../helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'mtus-same-'));
const cache = mkdtempSync(join(tmpdir(), 'mtus-same-cache-'));

function corpus(): string {
  const rnd = random(11);
  const lines: string[] = [];
  for (let i = 0; i < 800; i++) {
    const c = generateCase(i, rnd);
    // every 50th case is met again under its case number: counted once, reported as a duplicate
    lines.push(JSON.stringify(i % 50 === 0 ? { ...c, case_number: `CM-${i}` } : c));
    if (i % 50 === 0) lines.push(JSON.stringify({ ...c, id: `${c.id}-again`, case_number: `CM-${i}` }));
  }
  const file = join(tmp, 'corpus.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The built command, run without blocking the test runner (these runs take seconds). */
function run(args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'regress', ...args, '--no-save'], {
      cwd: ROOT, maxBuffer: 256 << 20, env: { ...process.env, NO_COLOR: '1', MTUS_CACHE_DIR: cache, ...env },
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr })));
  });
}

describe('the same predictions whatever the strategy', () => {
  it('a generated corpus: one thread or two workers, every output format; cold or warm ruleset', async () => {
    const file = corpus();
    const json = await run([file, '--json', '--workers', '1']);
    const report = JSON.parse(json.stdout);
    expect(report.predictions.length).toBeGreaterThan(2000);
    expect(report.mismatch_count).toBeGreaterThan(200);
    expect(report.duplicates.length).toBe(16);
    expect((await run([file, '--json', '--workers', '2'])).stdout).toBe(json.stdout);
    expect((await run([file, '--json', '--workers', '2'], { MTUS_NO_CACHE: '1' })).stdout).toBe(json.stdout);
    // the text report lists the first 200 mismatches: with two workers the rest are only counted
    const text = await run([file, '--workers', '1']);
    const two = await run([file, '--workers', '2']);
    expect(two.stdout).toBe(text.stdout);
    expect(two.stderr).toBe(text.stderr);
    expect((await run([file, '--markdown', '--workers', '2'])).stdout).toBe((await run([file, '--markdown', '--workers', '1'])).stdout);
  }, 300_000);

  it('the shared letters: one thread or two workers', async () => {
    const letters = readdirSync(join(SHARED, 'dwc-2016-2017')).filter((f) => f.endsWith('.txt')).map((f) => join(SHARED, 'dwc-2016-2017', f));
    expect(letters.length).toBe(97);
    const one = await run([...letters, '--json', '--workers', '1']);
    expect(JSON.parse(one.stdout).items).toBeGreaterThan(150);
    expect((await run([...letters, '--json', '--workers', '2'])).stdout).toBe(one.stdout);
  }, 300_000);
});
