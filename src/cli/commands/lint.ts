/** `mtus lint [paths]`: coded, located problems in rule files; exit 2 when there are errors. */
import { Command } from 'commander';
import { lint } from '../../lint/lint.js';
import { lintReporter } from '../../report/lint-report.js';
import { render } from '../../report/reporter.js';
import { renderOptions } from '../options.js';

export function lintCommand(): Command {
  return new Command('lint')
    .description('check rule files: YAML, schema, facts and operators, ids, precedence, citations, editions, examples')
    .argument('[paths...]', 'a ruleset directory, or rule files / folders to judge against --rules', [])
    .option('--rules <dir>', 'the ruleset rule files are judged against (default: the bundled rules)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (paths: string[], flags: { rules?: string; json?: boolean; markdown?: boolean }) => {
      const result = await lint(paths, flags.rules);
      process.stdout.write(render(lintReporter, result, renderOptions(flags)));
      if (result.errors > 0) process.exitCode = 2;
    });
}
