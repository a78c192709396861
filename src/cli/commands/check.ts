/** `mtus check <case.yaml>`: predict and explain each disputed item of one case. */
import { Command } from 'commander';
import { readCaseFile } from '../../cases/read-case.js';
import { InputError } from '../../diagnostics/diagnostic.js';
import { evaluateCase } from '../../predict/evaluate-case.js';
import { checkReporter } from '../../report/check-report.js';
import { render } from '../../report/reporter.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { parseDate, parsePositiveInt, renderOptions } from '../options.js';

export function checkCommand(): Command {
  return new Command('check')
    .description('predict the IMR outcome of each disputed item in a case, criterion by criterion')
    .argument('<case>', 'case file (YAML)')
    .option('--item <n>', 'only item N (1-based)', parsePositiveInt)
    .option('--as-of <date>', 'judge the request as of this date (picks the guideline edition in force)', parseDate)
    .option('--strict', 'read the records literally: apply none of the presumptions in rules/shared/presumptions.yaml')
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (file: string, opts: { item?: number; asOf?: string; strict?: boolean; rules?: string; json?: boolean; markdown?: boolean }) => {
      const ruleset = await openRuleset(opts.rules);
      const kase = await readCaseFile(file, ruleset.catalog);
      if (opts.item !== undefined && opts.item > kase.items.length) {
        throw new InputError([{ file, line: 1, column: 1, code: 'no-such-item', message: `--item ${opts.item}: the case has ${kase.items.length} item(s)` }]);
      }
      const result = await evaluateCase(ruleset, kase, {
        ...(opts.item !== undefined ? { item: opts.item - 1 } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...(opts.strict ? { strict: true } : {}),
      });
      process.stdout.write(render(checkReporter, result, renderOptions(opts)));
    });
}
