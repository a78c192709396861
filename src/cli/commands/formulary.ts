/**
 * `mtus formulary DRUG`: does a drug request need prospective review under the MTUS Drug Formulary,
 * and why. `mtus formulary load FILE`: DWC's published drug list (CSV or .xlsx) into the data form.
 */
import { basename } from 'node:path';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { todayIso } from '../../facts/dates.js';
import { answerFormulary, loadDwcDrugList, type FormularyRequest } from '../../formulary/index.js';
import { formularyReporter } from '../../report/formulary-report.js';
import { render } from '../../report/reporter.js';
import { parseDate, parsePositiveInt, renderOptions } from '../options.js';
import { writeFileAtomic } from '../write-file.js';

/** The question's own fields as flags (the drug is the argument), plus where to read and how to print. */
type AnswerFlags = Partial<Omit<FormularyRequest, 'drug' | 'ingredient'>> & { list?: string; json?: boolean; markdown?: boolean };

export function formularyCommand(): Command {
  const command = new Command('formulary')
    .description('whether a drug needs prospective review under the MTUS Drug Formulary (8 CCR 9792.27.1-9792.27.23), with the sections cited')
    .argument('<drug>', 'the drug as written, e.g. "Norco 10/325" or tramadol')
    .option('--date <date>', 'date of service: when it is prescribed or dispensed (default: today)', parseDate)
    .option('--injury <date>', 'date of injury (Special Fill, physician dispensing)', parseDate)
    .option('--surgery <date>', 'date of surgery (Perioperative Fill)', parseDate)
    .option('--days <n>', 'days of supply', parsePositiveInt)
    .option('--initial-visit', 'prescribed at the single initial treatment visit after the injury')
    .option('--physician-dispensed', 'dispensed by the physician rather than a pharmacy')
    .option('--brand', 'a brand-name product (read from the name when not given)')
    .option('--compound', 'a compounded drug')
    .option('--off-label', 'for an off-label use')
    .option('--list <file>', 'drug list file written by `mtus formulary load` (default: the bundled partial list)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action((drug: string, flags: AnswerFlags) => {
      const answer = answerFormulary(
        {
          drug,
          date: flags.date ?? todayIso(),
          ...(flags.injury ? { injury: flags.injury } : {}),
          ...(flags.surgery ? { surgery: flags.surgery } : {}),
          ...(flags.days !== undefined ? { days: flags.days } : {}),
          ...(flags.brand ? { brand: true } : {}),
          ...(flags.compound ? { compound: true } : {}),
          ...(flags.physicianDispensed ? { physicianDispensed: true } : {}),
          ...(flags.initialVisit ? { initialVisit: true } : {}),
          ...(flags.offLabel ? { offLabel: true } : {}),
        },
        { ...(flags.list ? { list: flags.list } : {}) },
      );
      process.stdout.write(render(formularyReporter, answer, renderOptions(flags)));
    });
  command.addCommand(
    new Command('load')
      .description("read DWC's published MTUS Drug List (.csv or .xlsx) into the drug-list form (YAML)")
      .argument('<file>', 'the DWC MTUS Drug List as CSV or an .xlsx spreadsheet')
      .option('-o, --out <file>', 'write the list here (default: standard output)')
      .option('--list-version <v>', 'the list version, e.g. v.6 (default: from the file name)')
      .option('--effective <date>', 'the date the list took effect (default: from the file name)', parseDate)
      .action(async (file: string, flags: { out?: string; listVersion?: string; effective?: string }) => {
        const list = await loadDwcDrugList(file, { ...(flags.listVersion ? { version: flags.listVersion } : {}), ...(flags.effective ? { effective: flags.effective } : {}) });
        const text = `# MTUS Drug List read by mtus formulary load from ${basename(file)} (format: rules/schema/drug-list.schema.json)\n${stringify(list, { lineWidth: 0 })}`;
        if (flags.out) {
          writeFileAtomic(flags.out, text);
          process.stderr.write(`${list.drugs.length} drug(s) from ${file} (${list.list.version}, effective ${list.list.effective}) written to ${flags.out}\n`);
        } else process.stdout.write(text);
      }),
  );
  return command;
}
