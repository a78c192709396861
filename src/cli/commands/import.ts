/**
 * `mtus import <letter.txt|letter.pdf ...>`: reads IMR final determination letters into cases.
 * One YAML case on stdout for one letter (a YAML stream for several), or files in -o DIR, or
 * JSON with --json. A letter that cannot be imported gets one line on stderr and exit status 2;
 * the others are still imported. --compare DIR scores the imported facts against curated cases.
 */
import { Command } from 'commander';
import { writeCaseFile } from '../../import/case/case-yaml.js';
import { compareWithCurated } from '../../import/compare/compare-cases.js';
import { importLetterFile, type ImportOutcome } from '../../import/import-letter.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { comparisonReporter, importReporter } from '../../report/import-report.js';
import { render } from '../../report/reporter.js';
import { renderOptions } from '../options.js';

interface ImportOptions {
  output?: string;
  json?: boolean;
  markdown?: boolean;
  compare?: string;
  rules?: string;
}

export function importCommand(): Command {
  return new Command('import')
    .description('import IMR final determination letters (PDF or text) as cases with their actual outcomes')
    .argument('<letters...>', 'letter files (.pdf or .txt)')
    .option('-o, --output <dir>', 'write one case file per letter into DIR (<case number>.yaml)')
    .option('--json', 'print the import results as JSON')
    .option('--compare <dir>', 'report fact precision and recall against the curated cases in DIR')
    .option('--rules <dir>', 'ruleset directory whose catalog names the facts (default: the bundled rules)')
    .option('--markdown', 'a Markdown summary, for pasting into a review')
    .action(async (letters: string[], opts: ImportOptions) => {
      const ruleset = await openRuleset(opts.rules);
      const outcomes: ImportOutcome[] = [];
      for (const file of letters) outcomes.push(await importLetterFile(file, ruleset.catalog));
      for (const o of outcomes) if (!o.ok) process.stderr.write(`${o.error}\n`);
      // A letter that was not UTF-8 was decoded, not garbled: say how.
      for (const o of outcomes) if (o.ok && o.encoding) process.stderr.write(`notice: ${o.file}: ${o.notices[0]}\n`);
      const imported = outcomes.filter((o): o is Extract<ImportOutcome, { ok: true }> => o.ok);
      // Each case file is written whole (a temporary file, then a rename); failed letters write nothing.
      const written = opts.output ? imported.map((o) => ({ file: o.file, path: writeCaseFile(opts.output!, o.kase), items: o.kase.items.length })) : undefined;
      const format = renderOptions(opts);
      if (opts.compare) {
        process.stdout.write(render(comparisonReporter, compareWithCurated(imported.map((o) => o.kase), opts.compare, ruleset.catalog), format));
      } else if (imported.length > 0 || format.format !== 'text') {
        process.stdout.write(render(importReporter, { outcomes, written }, format));
      }
      if (imported.length < outcomes.length) process.exitCode = 2;
    });
}
