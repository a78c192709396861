/**
 * `mtus check <case.yaml>`, or `mtus check --request R --note FILE`: predict each disputed item.
 * The text form is the short answer; `--verbose` walks every criterion.
 */
import { Command } from 'commander';
import { loadAgreement } from '../../advice/agreement.js';
import { checkAsOf } from '../../cases/case-dates.js';
import { readCaseFile } from '../../cases/read-case.js';
import { InputError } from '../../diagnostics/diagnostic.js';
import type { Case } from '../../model/case-schema.js';
import { evaluateCase } from '../../predict/evaluate-case.js';
import { checkJson, checkReporter, checkVerboseReporter } from '../../report/check-report.js';
import { render } from '../../report/reporter.js';
import { displayPath } from '../../ruleset/files.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { positionOf, readYamlFile } from '../../yaml/yaml-document.js';
import { parseDate, parseJudgedDate, parsePositiveInt, renderOptions } from '../options.js';

interface CheckFlags {
  item?: number;
  asOf?: string;
  strict?: boolean;
  rules?: string;
  json?: boolean;
  markdown?: boolean;
  verbose?: boolean;
  request?: string[];
  note?: string;
  injuryDate?: string;
  date?: string;
}

const collect = (v: string, acc: string[] = []) => [...acc, v];

export function checkCommand(): Command {
  const command: Command = new Command('check')
    .description('predict the IMR outcome of each disputed item in a case, or of a request from a clinical note')
    .argument('[case]', 'case file (YAML); or give --request and --note')
    .option('--item <n>', 'only item N (1-based)', parsePositiveInt)
    .option('--as-of <date>', 'judge the request as of this date (picks the guideline edition in force)', parseJudgedDate)
    .option('--request <text>', 'the treatment requested, as written (repeat for several items)', collect)
    .option('--note <file>', 'a clinical note (text or PDF) to read the facts from')
    .option('--injury-date <date>', 'with --note: the date of injury, when the note does not give it', parseDate)
    .option('--date <date>', 'with --note: the date of the request (default: the note\'s, else today)', parseJudgedDate)
    .option('--strict', 'read the records literally: apply none of the presumptions in rules/shared/presumptions.yaml')
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--verbose', 'every criterion with its evidence, and the rationale')
    .option('--json', 'machine-readable output (everything)')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (file: string | undefined, opts: CheckFlags) => {
      const ruleset = await openRuleset(opts.rules);
      const fromNote = opts.note !== undefined || opts.request !== undefined;
      if (fromNote === (file !== undefined)) usage(file ? 'give either a case file or --request with --note, not both' : 'give a case file, or --request with --note');
      if (fromNote && (!opts.note || !opts.request)) usage(opts.note ? '--note needs --request (the treatment requested)' : '--request needs --note (the clinical note to read)');
      // The note reader brings the importer's extraction (and PDF text): loaded only when a note is given.
      const note = fromNote ? await (await import('../../note/read-note.js')).readNoteCase({ request: opts.request!, note: opts.note!, ...(opts.injuryDate ? { injuryDate: opts.injuryDate } : {}), ...(opts.date ? { date: opts.date } : {}) }, ruleset.catalog) : undefined;
      const kase: Case = note ? note.kase : await readCaseFile(file!, ruleset.catalog);
      // Where a problem with the options points: the case file's line, or the note itself.
      const where = (path: Parameters<typeof positionOf>[1]) => (file ? { file: displayPath(file), ...positionOf(readYamlFile(file, file), path) } : { file: opts.note!, line: 1, column: 1 });
      if (opts.item !== undefined && opts.item > kase.items.length) {
        throw new InputError([{ ...where(['items']), code: 'no-such-item', message: `--item ${opts.item}: the case has ${kase.items.length} item(s)` }]);
      }
      // Judged before the injury it concerns: pointed at the injury date the option contradicts.
      const asOfProblem = opts.asOf ? checkAsOf(opts.asOf, kase) : undefined;
      if (asOfProblem) throw new InputError([{ ...where(asOfProblem.path), code: asOfProblem.code, message: asOfProblem.message }]);
      const result = await evaluateCase(ruleset, kase, {
        ...(opts.item !== undefined ? { item: opts.item } : {}),
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...(opts.strict ? { strict: true } : {}),
        agreement: loadAgreement(ruleset.dir),
      });
      const format = renderOptions(opts);
      if (note && format.format === 'json') {
        process.stdout.write(`${JSON.stringify({ ...checkJson(result), extracted: { case: note.kase, text: note.text } }, null, 2)}\n`);
        return;
      }
      if (note && format.format === 'text') process.stdout.write(`${(await import('../../note/facts-text.js')).noteFactsText(note.kase, opts.note!)}\n\n`);
      process.stdout.write(render(opts.verbose ? checkVerboseReporter : checkReporter, result, format));
    });
  // Bad usage is commander's kind of error: one line, exit 2.
  const usage = (message: string): never => command.error(`error: ${message}`, { exitCode: 2, code: 'mtus.usage' });
  return command;
}
