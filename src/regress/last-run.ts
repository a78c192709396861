/** The per-rule agreement of the last regression run, kept for `mtus rules`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../cli/write-file.js';
import type { RegressReport, RuleAgreement } from './metrics.js';

export const LAST_RUN_FILE = join('.mtus', 'last-regress.json');

export interface LastRun {
  revision: string;
  date: string;
  inputs: string[];
  rules: RuleAgreement[];
}

export function saveLastRun(report: RegressReport, inputs: readonly string[], file = LAST_RUN_FILE): void {
  const run: LastRun = { revision: report.revision, date: new Date().toISOString(), inputs: [...inputs], rules: report.rules };
  writeFileAtomic(file, `${JSON.stringify(run, null, 2)}\n`);
}

export function readLastRun(file = LAST_RUN_FILE): LastRun | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LastRun;
  } catch {
    return undefined;
  }
}
