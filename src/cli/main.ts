#!/usr/bin/env node
/**
 * The `mtus` command. Bad input (a case or rule file that does not validate, a bad option) prints
 * one located line per problem and exits 2, never a stack trace; MTUS_DEBUG=1 shows traces for bugs.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { exitCodeFor } from './exit-code.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { lintCommand } from './commands/lint.js';
import { regressCommand } from './commands/regress.js';
import { factsCommand, rulesCommand } from './commands/rules.js';
import { formularyCommand } from './commands/formulary.js';
import { schemaCommand } from './commands/schema.js';
import { serveCommand } from './commands/serve.js';
import { testCommand } from './commands/test.js';
import { vocabularyCommand } from './commands/vocabulary.js';
import { newCommand } from './commands/new.js';

/** A fresh `mtus` program: commander keeps parsed options on the command, so one per run. */
export function mtusProgram(): Command {
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
    .addCommand(vocabularyCommand())
    .addCommand(newCommand())
    .addCommand(serveCommand());
  // addCommand() does not pass these settings down: every command must throw, not exit, on bad usage.
  for (const command of [...program.commands, ...program.commands.flatMap((c) => c.commands)]) command.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) });
  return program;
}

/**
 * Runs `mtus` with `argv` as process.argv gives it (node, script, arguments...) and returns the
 * exit code; output goes to process.stdout and process.stderr. Tests run commands this way.
 */
export async function runMtus(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await mtusProgram().parseAsync([...argv]);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return exitCodeFor(e);
  } finally {
    process.exitCode = undefined;
  }
}

/** True when this file is the program node was started with (also through the npm bin link). */
function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await runMtus(process.argv);
