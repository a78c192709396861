/** `mtus regress <paths...>`: predictions against historical IMR decisions, with the metrics that matter. */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { fileDiagnostic, InputError } from '../../diagnostics/diagnostic.js';
import { diffFails, diffRuns, FAIL_ON, type FailOn } from '../../regress/diff.js';
import { inputFiles } from '../../regress/inputs.js';
import { saveLastRun } from '../../regress/last-run.js';
import type { RegressReport } from '../../regress/metrics.js';
import { runRegress } from '../../regress/run-regress.js';
import { readSavedRun } from '../../regress/saved-run.js';
import { diffReporter } from '../../report/diff-report.js';
import { junitXml } from '../../report/junit.js';
import { regressReporter } from '../../report/regress-report.js';
import { render } from '../../report/reporter.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { parseFraction, parsePositiveInt, renderOptions } from '../options.js';
import { countCases, progressBar, type Progress } from '../progress.js';
import { writeFileAtomic } from '../write-file.js';

interface RegressFlags {
  rules?: string;
  json?: boolean;
  markdown?: boolean;
  junit?: string;
  failUnder?: number;
  workers?: number;
  diff?: boolean;
  failOn: FailOn;
  save: boolean;
}

const failOn = (v: string): FailOn => {
  if (!(FAIL_ON as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${FAIL_ON.join(', ')}`);
  return v as FailOn;
};

export function regressCommand(): Command {
  return new Command('regress')
    .description('run the rules against historical IMR determinations and measure the agreement')
    .argument('[paths...]', 'case files, directories (recursive) and JSON Lines files; with --diff: OLD.json NEW.json', ['cases'])
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--json', 'the full report as JSON, with every prediction (input to --diff)')
    .option('--markdown', 'Markdown, for pasting into a review')
    .option('--junit <file>', 'also write JUnit XML, one test case per item')
    .option('--fail-under <ba>', 'exit 1 when balanced accuracy is below this (0-1)', parseFraction)
    .option('--workers <n>', 'worker threads (default: the cores, for large inputs)', parsePositiveInt)
    .option('--diff', 'compare two saved runs: mtus regress --diff OLD.json NEW.json')
    .option('--fail-on <when>', 'with --diff, exit 1 when a prediction got worse (worse), changed at all (any), or never', failOn, 'worse')
    .option('--no-save', 'do not record per-rule agreement for `mtus rules`')
    .action(async (paths: string[], flags: RegressFlags) => {
      if (flags.diff) return diff(paths, flags);
      const ruleset = await openRuleset(flags.rules);
      const files = inputFiles(paths, []);
      const large = files.some((f) => f.endsWith('.jsonl')) || files.length > 200;
      const workers = flags.workers ?? (large ? availableParallelism() : 1);
      // A bar on a terminal only, never with --json.
      const bar: Progress | undefined = flags.json || !process.stderr.isTTY ? undefined : progressBar(await countCases(files), process.stderr);
      const { report, problems, notices } = await runRegress(ruleset, paths, {
        workers,
        keepPredictions: Boolean(flags.json || flags.junit),
        ...(flags.json || flags.junit || flags.markdown ? {} : { maxMismatches: 200 }),
        ...(bar ? { onProgress: (cases: number, items: number) => bar.update(cases, items) } : {}),
      });
      bar?.stop();
      for (const notice of notices) process.stderr.write(`notice: ${notice}\n`);
      // Every input was read and every problem is listed; a report over the rest would mislead.
      if (problems.length > 0) throw new InputError(problems);
      if (nothingToScore(report)) throw new InputError([fileDiagnostic(paths.join(', '), 'nothing-to-score', nothingMessage(files.length, report))]);
      printDuplicateNotices(report.duplicates);
      if (flags.junit) writeFileAtomic(flags.junit, junitXml(report.predictions ?? [], report.revision));
      process.stdout.write(render(regressReporter, report, renderOptions(flags)));
      if (flags.save) saveLastRun(report, paths);
      const tooLow = flags.failUnder !== undefined && report.balanced_accuracy < flags.failUnder;
      if (tooLow) process.stderr.write(`balanced accuracy ${report.balanced_accuracy} is under ${flags.failUnder}\n`);
      if (report.pinned_failures.length > 0) process.stderr.write(`${report.pinned_failures.length} pinned prediction(s) changed\n`);
      if (tooLow || report.pinned_failures.length > 0) process.exitCode = 1;
    });
}

/** No item with an IMR outcome and no pinned prediction: a green run would say nothing. */
function nothingToScore(r: RegressReport): boolean {
  return r.items === 0 && r.pinned === 0;
}

function nothingMessage(files: number, r: RegressReport): string {
  if (files === 0) return 'nothing to score: no case files (.yaml, .yml, .jsonl) or letters (.txt, .pdf) found';
  return `nothing to score: ${r.duplicates.length ? 'every case repeats one already read' : 'no disputed item with a recorded IMR outcome (items[].actual)'}`;
}

/** Each input counted once is a notice; a long list is cut short (the JSON report has them all). */
function printDuplicateNotices(duplicates: readonly string[]): void {
  const shown = duplicates.length > 10 ? duplicates.slice(0, 3) : duplicates;
  for (const notice of shown) process.stderr.write(`notice: ${notice}\n`);
  if (shown.length < duplicates.length) process.stderr.write(`notice: ... and ${duplicates.length - shown.length} more inputs repeating a case already read, each counted once\n`);
}

function diff(paths: string[], flags: RegressFlags): void {
  if (paths.length !== 2) throw new InputError([fileDiagnostic('mtus regress --diff', 'usage', 'give two saved runs: OLD.json NEW.json')]);
  const [before, after] = paths.map(readSavedRun) as [ReturnType<typeof readSavedRun>, ReturnType<typeof readSavedRun>];
  const d = diffRuns(before, after);
  process.stdout.write(render(diffReporter, d, renderOptions(flags)));
  if (diffFails(d, flags.failOn)) {
    const worse = d.changes.filter((c) => c.effect === 'broke').length;
    process.stderr.write(flags.failOn === 'any' ? `${d.changes.length} prediction(s) changed\n` : `${worse} prediction(s) got worse: they agreed with the IMR decision and no longer do\n`);
    process.exitCode = 1;
  }
}
