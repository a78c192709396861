/** Shared test helpers: the bundled ruleset (loaded once), temporary rule directories, the CLI. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset, type Ruleset } from '../src/ruleset/load-ruleset.js';
import { FactContext, type PresumptionPolicy, type ResolvedItem, type SurgeryVerdict } from '../src/facts/fact-context.js';
import { FACTS } from '../src/facts/registry.js';
import type { Case, DisputedItem } from '../src/model/case-schema.js';
import { resolveItem } from '../src/predict/resolve-item.js';
import { normaliseCase } from '../src/request/normalise-case.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RULES_DIR = join(ROOT, 'rules');
export const SHARED = join(ROOT, '..', 'shared', 'determinations');

let bundled: Ruleset | undefined;
export function bundledRuleset(): Ruleset {
  bundled ??= loadRuleset(RULES_DIR);
  return bundled;
}

/** A copy of the bundled rules in a temporary directory, with extra files written into it. */
export function rulesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtus-rules-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtus-case-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `mtus` command (npm test builds first). */
export function mtus(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 256 << 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface FactCall {
  kase?: Partial<Case>;
  items: DisputedItem[];
  index?: number;
  /** the date the request is judged at */
  date: string;
  params?: Record<string, unknown>;
  /** read the case's requests and resolve the item as predictions do; otherwise use its stated fields only */
  resolve?: boolean;
  surgery?: SurgeryVerdict;
  /** how silence is read (default: literally, no presumption) */
  policy?: PresumptionPolicy;
}

/** One fact of one item of a small case, computed as the evaluator computes it. */
export function computeFact(name: string, call: FactCall) {
  const catalog = bundledRuleset().catalog;
  const index = call.index ?? 0;
  const given = { id: 't', source: 't', ...call.kase, items: call.items } as Case;
  const kase = call.resolve ? normaliseCase(given, catalog) : given;
  const item = kase.items[index]!;
  const resolved: ResolvedItem = call.resolve
    ? resolveItem(item, index + 1, catalog).resolved
    : { item, number: index + 1, treatment: item.treatment, route: item.route };
  const ctx = new FactContext(kase, resolved, catalog, { date: call.date, from: 'option' }, undefined, call.surgery, call.policy);
  return FACTS.get(name)!.compute(ctx, call.params ?? {});
}
