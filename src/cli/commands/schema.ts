/**
 * `mtus schema <kind>`: JSON Schema draft-07 for editors, with the ruleset's vocabulary (facts,
 * operators, treatments, tags) listed; `--write` regenerates the ruleset's committed schema
 * files (rules/schema/), `--out DIR` writes all of them elsewhere.
 */
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { jsonSchemaText, SCHEMAS, VOCABULARY_FILE, vocabularySchemaText, type SchemaKind } from '../../schema/json-schema.js';
import { loadRuleset } from '../../ruleset/load-ruleset.js';
import { writeFileAtomic } from '../write-file.js';

const kinds = Object.keys(SCHEMAS) as SchemaKind[];
type Kind = SchemaKind | 'vocabulary';
const allKinds: Kind[] = [...kinds, 'vocabulary'];

export function schemaCommand(): Command {
  return new Command('schema')
    .description(`print the JSON Schema (draft-07) of a file format (${kinds.join(', ')}) or the vocabulary lists they refer to`)
    .argument('[kind]', allKinds.join(' | '), (v: string) => {
      if (!allKinds.includes(v as Kind)) throw new InvalidArgumentError(`expected one of ${allKinds.join(', ')}`);
      return v as Kind;
    })
    .option('--rules <dir>', 'the ruleset whose vocabulary the schemas list (default: the bundled rules)')
    .option('--write', "regenerate every schema in the ruleset's schema/ folder (after changing the catalog)")
    .option('--out <dir>', 'write every schema into this directory')
    .action(function (this: Command, kind: Kind | undefined, flags: { rules?: string; write?: boolean; out?: string }) {
      const ruleset = loadRuleset(flags.rules);
      const dir = flags.out ?? (flags.write ? join(ruleset.dir, 'schema') : undefined);
      if (dir) {
        for (const k of kinds) writeFileAtomic(join(dir, SCHEMAS[k].file), jsonSchemaText(k, ruleset.catalog));
        writeFileAtomic(join(dir, VOCABULARY_FILE), vocabularySchemaText(ruleset.catalog));
        return;
      }
      if (!kind) this.error(`error: name a kind: ${allKinds.join(', ')} (or --write, or --out DIR)`, { exitCode: 2 });
      process.stdout.write(kind === 'vocabulary' ? vocabularySchemaText(ruleset.catalog) : jsonSchemaText(kind, ruleset.catalog));
    });
}
