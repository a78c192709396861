/** `mtus check <case.yaml>`: predict and explain each disputed item of one case. */
import { Command } from 'commander';
import { checkAsOf } from '../../cases/case-dates.js';
import { readCaseFile } from '../../cases/read-case.js';
import { InputError } from '../../diagnostics/diagnostic.js';
import { evaluateCase } from '../../predict/evaluate-case.js';
import { checkReporter } from '../../report/check-report.js';
import { render } from '../../report/reporter.js';
import { displayPath } from '../../ruleset/files.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { positionOf, readYamlFile } from '../../yaml/yaml-document.js';
import { parseJudgedDate, parsePositiveInt, renderOptions } from '../options.js';

export function checkCommand(): Command {
  return new Command('check')
    .description('predict the IMR outcome of each disputed item in a case, criterion by criterion')
    .argument('<case>', 'case file (YAML)')
    .option('--item <n>', 'only item N (1-based)', parsePositiveInt)
    .option('--as-of <date>', 'judge the request as of this date (picks the guideline edition in force)', parseJudgedDate)
    .option('--strict', 'read the records literally: apply none of the presumptions in rules/shared/presumptions.yaml')
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (file: string, opts: { item?: number; asOf?: string; strict?: boolean; rules?: string; json?: boolean; markdown?: boolean }) => {
      const ruleset = await openRuleset(opts.rules);
      const kase = await readCaseFile(file, ruleset.catalog);
      if (opts.item !== undefined && opts.item > kase.items.length) {
        throw new InputError([{ file: displayPath(file), ...positionOf(readYamlFile(file, file), ['items']), code: 'no-such-item', message: `--item ${opts.item}: the case has ${kase.items.length} item(s)` }]);
      }
      // Judged before the injury it concerns: pointed at the injury date the option contradicts.
      const asOfProblem = opts.asOf ? checkAsOf(opts.asOf, kase) : undefined;
      if (asOfProblem) throw new InputError([{ file: displayPath(file), ...positionOf(readYamlFile(file, file), asOfProblem.path), code: asOfProblem.code, message: asOfProblem.message }]);
      const result = await evaluateCase(ruleset, kase, {
        ...(opts.item !== undefined ? { item: opts.item } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...(opts.strict ? { strict: true } : {}),
      });
      process.stdout.write(render(checkReporter, result, renderOptions(opts)));
    });
}
