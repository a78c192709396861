/**
 * `mtus import <letter.txt|letter.pdf ...>`: reads IMR final determination letters into cases.
 * One YAML case on stdout for one letter (a YAML stream for several), or files in -o DIR, or
 * JSON with --json. A letter that cannot be imported gets one line on stderr and exit status 2;
 * the others are still imported. --compare DIR scores the imported facts against curated cases.
 */
import { Command } from 'commander';
import { caseToYaml, writeCaseFile } from '../../import/case/case-yaml.js';
import { compareWithCurated, formatComparison } from '../../import/compare/compare-cases.js';
import { importLetterFile, type ImportOutcome } from '../../import/import-letter.js';
import { loadRuleset } from '../../ruleset/load-ruleset.js';

interface ImportOptions {
  output?: string;
  json?: boolean;
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
    .action(async (letters: string[], opts: ImportOptions) => {
      const ruleset = loadRuleset(opts.rules);
      const outcomes: ImportOutcome[] = [];
      for (const file of letters) outcomes.push(await importLetterFile(file, ruleset.catalog));
      for (const o of outcomes) if (!o.ok) process.stderr.write(`${o.error}\n`);
      const imported = outcomes.filter((o): o is Extract<ImportOutcome, { ok: true }> => o.ok);

      if (opts.output) {
        for (const o of imported) {
          const path = writeCaseFile(opts.output, o.kase);
          if (!opts.json && !opts.compare) process.stdout.write(`${o.file} -> ${path} (${o.kase.items.length} item${o.kase.items.length === 1 ? '' : 's'})\n`);
        }
      }
      if (opts.compare) {
        const report = compareWithCurated(imported.map((o) => o.kase), opts.compare, ruleset.catalog);
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatComparison(report));
      } else if (opts.json) {
        const shown = outcomes.map((o) => (o.ok ? { file: o.file, ok: true, case: o.kase, notices: o.notices } : o));
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      } else if (!opts.output) {
        process.stdout.write(imported.map((o) => caseToYaml(o.kase)).join('---\n'));
      }
      if (imported.length < outcomes.length) process.exitCode = 2;
    });
}
