/** `mtus vocabulary [facts|operators|tags|treatments]`: what rules and cases may name. */
import { Command, InvalidArgumentError } from 'commander';
import { render } from '../../report/reporter.js';
import { vocabularyReporter } from '../../report/vocabulary-report.js';
import { loadRuleset } from '../../ruleset/load-ruleset.js';
import { vocabulary, VOCABULARY_SECTIONS, type VocabularySection } from '../../vocabulary/vocabulary.js';
import { renderOptions } from '../options.js';

export function vocabularyCommand(): Command {
  return new Command('vocabulary')
    .description('list what rules and cases may name: facts, operators, condition and finding tags, treatments')
    .argument('[sections...]', VOCABULARY_SECTIONS.join(' | '), (v: string, acc: VocabularySection[] = []) => {
      if (!(VOCABULARY_SECTIONS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected ${VOCABULARY_SECTIONS.join(', ')}`);
      return [...acc, v as VocabularySection];
    })
    .option('--rules <dir>', 'ruleset whose catalog to list (default: the bundled rules)')
    .option('--json', 'machine-readable output')
    .option('--markdown', 'Markdown')
    .action((sections: VocabularySection[] | undefined, flags: { rules?: string; json?: boolean; markdown?: boolean }) => {
      const ruleset = loadRuleset(flags.rules);
      process.stdout.write(render(vocabularyReporter, vocabulary(ruleset.catalog, sections?.length ? sections : VOCABULARY_SECTIONS), renderOptions(flags)));
    });
}
