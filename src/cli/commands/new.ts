/** `mtus new rule <id>`: scaffold a rule file to fill in (citation, a criterion, two examples). */
import { Command } from 'commander';
import { displayPath } from '../../ruleset/files.js';
import { loadRuleset } from '../../ruleset/load-ruleset.js';
import { scaffoldRule } from '../../scaffold/new-rule.js';
import { writeFileAtomic } from '../write-file.js';

export function newCommand(): Command {
  const rule = new Command('rule')
    .description('write a rule file to fill in: citation, one criterion and two examples that fail until filled in')
    .argument('<id>', 'the rule id, kebab-case (also the file name)')
    .option('--document <name>', 'the guideline document it cites (rules/documents.yaml): fills in the edition and dates')
    .option('--treatment <id>', 'the catalog treatment or class it applies to')
    .option('--rules <dir>', 'the ruleset to add it to (default: the bundled rules)')
    .option('--out <file>', 'where to write it (default: beside the rules citing the same document)')
    .action((id: string, flags: { document?: string; treatment?: string; rules?: string; out?: string }) => {
      const ruleset = loadRuleset(flags.rules);
      const made = scaffoldRule(ruleset, id, flags);
      writeFileAtomic(made.file, made.text);
      const shown = displayPath(made.file);
      process.stdout.write(`wrote ${shown}: replace every TODO, then run mtus test ${shown}\n`);
    });
  return new Command('new').description('scaffold new files: mtus new rule <id>').addCommand(rule);
}
