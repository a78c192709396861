#!/usr/bin/env node
/**
 * The `mtus` command. Bad input (a case or rule file that does not validate, a bad option) prints
 * one located line per problem and exits 2, never a stack trace; MTUS_DEBUG=1 shows traces for bugs.
 */
import { Command, CommanderError } from 'commander';
import { InputError, formatDiagnostic } from '../diagnostics/diagnostic.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { regressCommand } from './commands/regress.js';
import { factsCommand, rulesCommand } from './commands/rules.js';
import { formularyCommand } from './commands/formulary.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { testCommand } from './commands/test.js';

const program = new Command('mtus')
  .description('Predict and explain California IMR outcomes from cited MTUS/ODG guideline rules')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .addCommand(checkCommand())
  .addCommand(importCommand())
  .addCommand(regressCommand())
  .addCommand(lintCommand())
  .addCommand(testCommand())
  .addCommand(schemaCommand())
  .addCommand(rulesCommand())
  .addCommand(factsCommand())
  .addCommand(formularyCommand())
  .addCommand(serveCommand());

// addCommand() does not pass these settings down: every command must throw, not exit, on bad usage.
for (const command of [...program.commands, ...program.commands.flatMap((c) => c.commands)]) command.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof InputError) {
    for (const d of e.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  if (e instanceof CommanderError) {
    // commander has printed its message; help and version exit cleanly.
    return e.exitCode === 0 ? 0 : 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' || err?.code === 'EISDIR' || err?.code === 'EACCES') {
    process.stderr.write(`${err.path ?? ''}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.message}\n`);
    return 2;
  }
  process.stderr.write(`mtus: internal error: ${err?.message ?? String(e)}\n`);
  if (process.env.MTUS_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
  return 1;
}
