/** `mtus rules` (the ruleset as a table) and `mtus facts` (what rules can compare). */
import { Command } from 'commander';
import { FACTS } from '../../facts/registry.js';
import { readLastRun } from '../../regress/last-run.js';
import { render } from '../../report/reporter.js';
import { factsReporter, rulesReporter, rulesTable } from '../../report/rules-report.js';
import { openRuleset } from '../../ruleset/open-ruleset.js';
import { renderOptions } from '../options.js';

type Flags = { rules?: string; json?: boolean; markdown?: boolean };

export function rulesCommand(): Command {
  return new Command('rules')
    .description('the ruleset as a table: id, treatments, citation, effective dates, examples, historical agreement')
    .option('--rules <dir>', 'ruleset directory (default: the bundled rules)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown, for pasting into a review')
    .action(async (flags: Flags) => {
      const ruleset = await openRuleset(flags.rules);
      process.stdout.write(render(rulesReporter, rulesTable(ruleset.rules, ruleset.revision, readLastRun()), renderOptions(flags)));
    });
}

export function factsCommand(): Command {
  return new Command('facts')
    .description('the facts rule criteria can compare, with their types and parameters')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown')
    .action((flags: Flags) => {
      const facts = [...FACTS.values()].sort((a, b) => a.name.localeCompare(b.name));
      process.stdout.write(render(factsReporter, facts, renderOptions(flags)));
    });
}
