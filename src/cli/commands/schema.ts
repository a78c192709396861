/** `mtus schema <kind>`: JSON Schema draft-07 for editors; `--out DIR` writes all of them. */
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { jsonSchemaText, SCHEMAS, type SchemaKind } from '../../schema/json-schema.js';
import { writeFileAtomic } from '../write-file.js';

const kinds = Object.keys(SCHEMAS) as SchemaKind[];

export function schemaCommand(): Command {
  return new Command('schema')
    .description(`print the JSON Schema (draft-07) of a file format: ${kinds.join(', ')}`)
    .argument('[kind]', kinds.join(' | '), (v: string) => {
      if (!kinds.includes(v as SchemaKind)) throw new InvalidArgumentError(`expected one of ${kinds.join(', ')}`);
      return v as SchemaKind;
    })
    .option('--out <dir>', 'write every schema into this directory (e.g. rules/schema)')
    .action(function (this: Command, kind: SchemaKind | undefined, flags: { out?: string }) {
      if (flags.out) {
        for (const k of kinds) writeFileAtomic(join(flags.out, SCHEMAS[k].file), jsonSchemaText(k));
        return;
      }
      if (!kind) this.error(`error: name a kind: ${kinds.join(', ')} (or --out DIR)`, { exitCode: 2 });
      process.stdout.write(jsonSchemaText(kind));
    });
}
