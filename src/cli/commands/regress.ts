/** `mtus regress <paths...>`: predictions against historical IMR decisions, with the metrics that matter. */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { InputError } from '../../diagnostics/diagnostic.js';
import { diffRuns } from '../../regress/diff.js';
import { inputFiles } from '../../regress/inputs.js';
import type { ItemOutcome } from '../../regress/item-outcome.js';
import { saveLastRun } from '../../regress/last-run.js';
import { runRegress } from '../../regress/run-regress.js';
import { diffReporter } from '../../report/diff-report.js';
import { junitXml } from '../../report/junit.js';
import { regressReporter } from '../../report/regress-report.js';
import { render } from '../../report/reporter.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { parseFraction, parsePositiveInt, renderOptions } from '../options.js';
import { writeFileAtomic } from '../write-file.js';

interface RegressFlags {
  rules?: string;
  json?: boolean;
  markdown?: boolean;
  junit?: string;
  failUnder?: number;
  workers?: number;
  diff?: boolean;
  save: boolean;
}

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
    .option('--no-save', 'do not record per-rule agreement for `mtus rules`')
    .action(async (paths: string[], flags: RegressFlags) => {
      if (flags.diff) return diff(paths, flags);
      const ruleset = await openRuleset(flags.rules);
      const files = inputFiles(paths);
      const large = files.some((f) => f.endsWith('.jsonl')) || files.length > 200;
      const workers = flags.workers ?? (large ? availableParallelism() : 1);
      const bar = progressBar(flags);
      const { report, problems } = await runRegress(ruleset, paths, {
        workers,
        keepPredictions: Boolean(flags.json || flags.junit),
        ...(flags.json || flags.junit || flags.markdown ? {} : { maxMismatches: 200 }),
        ...(bar ? { onProgress: (n: number) => bar.update(n) } : {}),
      });
      bar?.stop();
      if (problems.length > 0) throw new InputError(problems);
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

/** Each input counted once is a notice; a long list is cut short (the JSON report has them all). */
function printDuplicateNotices(duplicates: readonly string[]): void {
  const shown = duplicates.length > 10 ? duplicates.slice(0, 3) : duplicates;
  for (const notice of shown) process.stderr.write(`notice: ${notice}\n`);
  if (shown.length < duplicates.length) process.stderr.write(`notice: ... and ${duplicates.length - shown.length} more inputs repeating a case already read, each counted once\n`);
}

/** A progress bar on a terminal only, and never with --json. */
function progressBar(flags: RegressFlags): cliProgress.SingleBar | undefined {
  if (flags.json || !process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'regress {value} items', clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(0, 0);
  return bar;
}

function diff(paths: string[], flags: RegressFlags): void {
  if (paths.length !== 2) throw new InputError([{ file: 'mtus regress --diff', line: 1, column: 1, code: 'usage', message: 'give two saved runs: OLD.json NEW.json' }]);
  const [before, after] = paths.map(readRun) as [SavedRun, SavedRun];
  process.stdout.write(render(diffReporter, diffRuns(before, after), renderOptions(flags)));
}

interface SavedRun {
  revision: string;
  predictions: ItemOutcome[];
}

function readRun(file: string): SavedRun {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw e;
    throw new InputError([{ file, line: 1, column: 1, code: 'json-syntax', message: `not JSON: ${(e as Error).message}` }]);
  }
  const run = value as Partial<SavedRun>;
  if (typeof run.revision !== 'string' || !Array.isArray(run.predictions)) {
    throw new InputError([{ file, line: 1, column: 1, code: 'not-a-run', message: 'expected the output of `mtus regress --json` (revision and predictions)' }]);
  }
  return run as SavedRun;
}
