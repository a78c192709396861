/**
 * Reliability: runs at the same time (two processes, as two terminals or CI jobs would) write the
 * same outputs whole, never interleaved, and leave no temporary file behind.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { GOOD_LETTER, tempDir } from './harness.js';

function mtusAsync(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('reliability: concurrent runs', () => {
  it('two regress runs writing the same JUnit file and last-run record, and two imports into one folder', async () => {
    const dir = tempDir();
    const junit = join(dir, 'out', 'junit.xml');
    const regress = ['regress', join(ROOT, 'cases', 'seeds'), '--junit', junit, '--json'];
    const imports = ['import', GOOD_LETTER, '-o', join(dir, 'imported')];
    const [a, b, c, d] = await Promise.all([mtusAsync(regress, dir), mtusAsync(regress, dir), mtusAsync(imports, dir), mtusAsync(imports, dir)]);
    for (const r of [a, b, c, d]) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(b.stdout).toBe(a.stdout);
    const xml = readFileSync(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(JSON.parse(a.stdout).items);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '.mtus', 'last-regress.json'), 'utf8')).revision).toBe(JSON.parse(a.stdout).revision);
    expect(readFileSync(join(dir, 'imported', 'CM16-0213037.yaml'), 'utf8')).toMatch(/^# Imported by `mtus import`[\s\S]*\nitems:\n[\s\S]+actual:/);
    const everything = [...readdirSync(join(dir, 'out')), ...readdirSync(join(dir, 'imported')), ...readdirSync(join(dir, '.mtus'))];
    expect(everything.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('bad records give the same lines, in the same order, with one worker thread or two', async () => {
    const dir = tempDir();
    const good = (await mtusAsync(['import', GOOD_LETTER, '--json'], dir)).stdout;
    const kase = JSON.parse(good)[0].case;
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) lines.push(JSON.stringify({ ...kase, id: `c-${i}`, case_number: `CM99-${String(i).padStart(7, '0')}` }));
    lines[17] = '{ not json';
    lines[250] = JSON.stringify({ ...kase, id: 'late', case_number: 'CM99-late', dates: { ...kase.dates, ur_denial: '2099-01-01' } });
    writeFileSync(join(dir, 'many.jsonl'), `${lines.join('\n')}\n`);
    const one = await mtusAsync(['regress', 'many.jsonl', '--no-save', '--workers', '1'], dir);
    const two = await mtusAsync(['regress', 'many.jsonl', '--no-save', '--workers', '2'], dir);
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    expect(one.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^many\.jsonl:18:1: json-syntax: not a JSON value: /),
      expect.stringMatching(/^many\.jsonl:251:1: future-date: dates\.ur_denial: 2099-01-01 is after today/),
    ]);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe('');
  });
});
