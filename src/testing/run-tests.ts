/**
 * `mtus test`: runs rule examples (and, for coverage, the bundled cases) and reports which passed
 * and which criteria statuses they reached.
 */
import { existsSync } from 'node:fs';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { predictItem } from '../predict/predict-item.js';
import { inputFiles, parseRecord, readRecords } from '../regress/inputs.js';
import { displayPath } from '../ruleset/files.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { positionOf } from '../yaml/yaml-document.js';
import { CoverageCollector, type CoverageReport } from './coverage.js';
import { runAllExamples, type ExampleResult } from './run-examples.js';

/** An example's result with where the example is written. */
export interface LocatedResult extends ExampleResult {
  file: string;
  line: number;
  column: number;
}

export interface TestRun {
  results: LocatedResult[];
  passed: number;
  failed: number;
  coverage?: CoverageReport;
  /** cases that fed coverage */
  cases: number;
}

export interface TestOptions {
  coverage: boolean;
  /** case files or folders whose evaluations count towards coverage */
  cases: readonly string[];
  /** report coverage of the criteria written in these files only (the files given to `mtus test`) */
  coverageOf?: ReadonlySet<string>;
}

export async function runTests(ruleset: Ruleset, rules: readonly CompiledRule[], opts: TestOptions): Promise<TestRun> {
  const results = (await runAllExamples(ruleset, rules)).map((r): LocatedResult => {
    const y = ruleset.files.get(r.rule.file);
    return { ...r, file: displayPath(r.rule.file), ...(y ? positionOf(y, ['examples', r.index]) : { line: 1, column: 1 }) };
  });
  const passed = results.filter((r) => r.passed).length;
  const run: TestRun = { results, passed, failed: results.length - passed, cases: 0 };
  if (!opts.coverage) return run;
  const collector = new CoverageCollector();
  for (const r of results) if (r.evaluated) collector.add(r.evaluated);
  const caseDirs = opts.cases.filter((p) => existsSync(p));
  for await (const record of readRecords(caseDirs.length ? inputFiles(caseDirs, []) : [])) {
    const parsed = await parseRecord(record, ruleset.catalog);
    if (!parsed.ok) continue;
    run.cases++;
    for (let i = 0; i < parsed.input.kase.items.length; i++) {
      for (const e of (await predictItem(ruleset, parsed.input.kase, i + 1)).evaluations) collector.add(e);
    }
  }
  run.coverage = collector.report(ruleset, opts.coverageOf);
  return run;
}

/** `file:line:column: rule › example [edition]`: where the example is written, so an editor can jump to it. */
export function describeExample(r: LocatedResult): string {
  return `${r.file}:${r.line}:${r.column}: ${r.rule.rule.id} › ${r.example.name}${r.edition ? ` [${r.edition}]` : ''}`;
}
