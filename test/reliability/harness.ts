/**
 * The reliability suite's harness: runs `mtus` in this process (no spawn), builds bad inputs in
 * temporary folders, and checks what every bad input must give: exit 2, one located line per
 * problem (`file:line:column: code: message`, or `file: message` without a position), no stack
 * trace, nothing on stdout (no half report), no temporary file left, and the other inputs still read.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runMtus } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/** Runs `mtus args...` in-process, capturing its output; `env` is set for the run only. */
export async function mtusIn(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as Write;
  const saved = { out: process.stdout.write, err: process.stderr.write, env: { ...process.env } };
  Object.assign(process.env, env);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let status: number;
  try {
    status = await runMtus(['node', 'mtus', ...args]);
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    for (const k of Object.keys(env)) if (saved.env[k] === undefined) delete process.env[k];
    Object.assign(process.env, saved.env);
  }
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'mtus-reliability-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A valid case with recorded IMR outcomes (seed 001), as text to vary. */
export const GOOD_CASE = join(ROOT, 'cases', 'seeds', '001_c7c7a95bc446a0b9.yaml');
export const GOOD_LETTER = join(ROOT, 'test', 'fixtures', 'letters', 'CM16-0213037.txt');
export const FIXTURE_RULES = join(ROOT, 'test', 'fixtures', 'lint', 'base');

export function copyTo(dir: string, from: string, name: string): string {
  const to = join(dir, name);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return to;
}

/** Every file under `dir`, recursively (following no links). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    let isDir = false;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue; // a link loop made on purpose
    }
    if (isDir) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/** A line of bad-input output: `file:line:column: code: message` or `file: message` (or commander's `error: ...`). */
const LOCATED = /^\S.*?:\d+:\d+: [a-z0-9-]+: \S.*$/;
const WHOLE_FILE = /^\S[^:]*: \S.*$|^\/\S*: \S.*$/;
const OPTION = /^error: (option|command-argument|missing|too many|unknown) .+$/;

export interface BadInputExpectation {
  /** one pattern per problem line on stderr, in order */
  lines: RegExp[];
  /** stdout is empty unless this says otherwise (the other inputs' output, for import) */
  stdout?: (out: string) => void;
  /** notices may accompany the problems */
  notices?: RegExp[];
  /** `mtus lint`: the problems are its report, on stdout, ended by a count */
  lintReport?: boolean;
}

/** What every bad input must give. Returns the problem lines. */
export function expectBadInput(r: CliResult, dir: string | undefined, want: BadInputExpectation): string[] {
  expect(r.stderr, 'no stack trace').not.toMatch(/^\s+at .+(:\d+:\d+\)?|native)$/m);
  expect(r.stderr, 'no internal error').not.toMatch(/internal error/);
  expect(r.status, `exit 2; stderr: ${r.stderr}`).toBe(2);
  const report = want.lintReport ? r.stdout.split('\n').filter((l) => l !== '') : [];
  if (want.lintReport) expect(report.pop(), 'the count ends the lint report').toMatch(/^\d+ error\(s\), \d+ warning\(s\) in \d+ rule\(s\)$/);
  const all = [...r.stderr.split('\n').filter((l) => l !== ''), ...report];
  const notices = all.filter((l) => l.startsWith('notice: '));
  const problems = all.filter((l) => !l.startsWith('notice: '));
  for (const line of problems) expect(LOCATED.test(line) || WHOLE_FILE.test(line) || OPTION.test(line), `one located line: ${line}`).toBe(true);
  expect(problems.length, `one line per problem:\n${problems.join('\n')}`).toBe(want.lines.length);
  want.lines.forEach((re, i) => expect(problems[i]).toMatch(re));
  (want.notices ?? []).forEach((re, i) => expect(notices[i]).toMatch(re));
  if (want.stdout) want.stdout(r.stdout);
  else if (!want.lintReport) expect(r.stdout, 'nothing half-written on stdout').toBe('');
  if (dir) expect(filesUnder(dir).filter((f) => /\.tmp$/.test(f)), 'no temporary file left').toEqual([]);
  return problems;
}

/** `text` with `find` replaced, failing loudly when the generator's anchor is gone. */
export function replaced(text: string, find: string | RegExp, by: string): string {
  const out = text.replace(find, by);
  expect(out, `generator anchor ${String(find)} not found`).not.toBe(text);
  return out;
}

/** 1-based line and column of `needle` in `text`. */
export function positionIn(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  expect(at, `${needle} in the generated text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a located line about `file` (its path ends so) at line:column with `code`. */
export function located(file: string, line: number, column: number, code: string, message: RegExp | string = /.+/): RegExp {
  const m = typeof message === 'string' ? esc(message) : message.source;
  return new RegExp(`^(?:.*/)?${esc(file)}:${line}:${column}: ${code}: ${m}$`);
}

/** A pattern for a whole-file line about `file`. */
export function aboutFile(file: string, message: RegExp | string): RegExp {
  const m = typeof message === 'string' ? esc(message) : message.source;
  return new RegExp(`^(?:.*/)?${esc(file)}: ${m}$`);
}
