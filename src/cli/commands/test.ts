/** `mtus test [paths]`: run rule examples; with --coverage, report criterion coverage. */
import { Command, InvalidArgumentError } from 'commander';
import { dirname, resolve } from 'node:path';
import { displayPath, enclosingRuleset, splitRulePaths } from '../../ruleset/files.js';
import { BUNDLED_RULES_DIR, loadRuleset, loadRulesetCollecting } from '../../ruleset/load-ruleset.js';
import { InputError } from '../../diagnostics/diagnostic.js';
import { render } from '../../report/reporter.js';
import { testReporter } from '../../report/test-report.js';
import { runTests } from '../../testing/run-tests.js';
import { renderOptions } from '../options.js';
import { runAndWatch } from '../watch.js';

interface TestFlags {
  rules?: string;
  coverage?: boolean;
  coverageMin?: number;
  cases: string[];
  verbose?: boolean;
  json?: boolean;
  markdown?: boolean;
  watch?: boolean;
}

const percent = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a percentage from 0 to 100');
  return n;
};

export function testCommand(): Command {
  return new Command('test')
    .description("run every rule's examples (outcome and the criteria not met or not documented)")
    .argument('[paths...]', 'a ruleset directory, or rule files / folders (default: the whole ruleset)', [])
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--coverage', 'report which statuses each criterion reached in examples and cases')
    .option('--coverage-min <pct>', 'exit 1 when coverage is below this percentage', percent)
    .option('--cases <paths...>', 'cases that count towards coverage', ['cases'])
    .option('-v, --verbose', 'list passing examples too')
    .option('--watch', 'run again whenever a rule, catalog or shared file changes (Ctrl-C to stop)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (paths: string[], flags: TestFlags) => {
      const { roots, files: given } = splitRulePaths(paths);
      const files = given.map((f) => resolve(f));
      // Rule files are judged against the ruleset they lie in, unless --rules names another.
      const rulesDir = roots[0] ?? flags.rules ?? (files.length ? enclosingRuleset(files[0]!) : undefined);
      const once = async () => {
        const ruleset = files.length ? loadWith(rulesDir, files) : loadRuleset(rulesDir);
        const selected = files.length ? ruleset.rules.filter((c) => files.includes(resolve(c.file))) : ruleset.rules;
        const coverage = Boolean(flags.coverage || flags.coverageMin !== undefined);
        const coverageOf = files.length ? new Set(files.map(displayPath)) : undefined;
        const run = await runTests(ruleset, selected, { coverage, cases: flags.cases, ...(coverageOf ? { coverageOf } : {}) });
        process.stdout.write(render(testReporter, { ...run, verbose: flags.verbose }, renderOptions(flags)));
        const low = flags.coverageMin !== undefined && (run.coverage?.percent ?? 0) < flags.coverageMin;
        if (low) process.stderr.write(`coverage ${run.coverage?.percent}% is under ${flags.coverageMin}%\n`);
        process.exitCode = run.failed > 0 || low ? 1 : 0;
      };
      if (!flags.watch) return once();
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      const outside = [...new Set(files.filter((f) => !enclosingRuleset(f)).map((f) => dirname(f)))];
      await runAndWatch([rulesDir ?? BUNDLED_RULES_DIR, ...outside], once, { signal: stop.signal });
    });
}

/** Rule files outside the ruleset are tested as part of it; files inside it are simply selected. */
function loadWith(rulesDir: string | undefined, files: string[]) {
  const base = loadRuleset(rulesDir);
  const outside = files.filter((f) => !base.rules.some((c) => resolve(c.file) === f));
  if (outside.length === 0) return base;
  const { ruleset, diagnostics } = loadRulesetCollecting(rulesDir, outside);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return ruleset;
}
