#!/usr/bin/env node
/**
 * The `mtus` command. Bad input (a case or rule file that does not validate, a bad option) prints
 * one located line per problem and exits 2, never a stack trace; MTUS_DEBUG=1 shows traces for bugs.
 * Each command's module is imported only when that command runs, so `mtus check` does not pay for
 * the importer, lint or test code; help and unknown commands load them all.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { setCacheDir } from '../cache/cache-dir.js';
import { exitCodeFor } from './exit-code.js';

/** Every command by name, with the module that builds it (one line per command). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.js')).checkCommand(),
  import: async () => (await import('./commands/import.js')).importCommand(),
  regress: async () => (await import('./commands/regress.js')).regressCommand(),
  lint: async () => (await import('./commands/lint.js')).lintCommand(),
  test: async () => (await import('./commands/test.js')).testCommand(),
  schema: async () => (await import('./commands/schema.js')).schemaCommand(),
  rules: async () => (await import('./commands/rules.js')).rulesCommand(),
  facts: async () => (await import('./commands/rules.js')).factsCommand(),
  formulary: async () => (await import('./commands/formulary.js')).formularyCommand(),
  vocabulary: async () => (await import('./commands/vocabulary.js')).vocabularyCommand(),
  new: async () => (await import('./commands/new.js')).newCommand(),
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
};

/** The command named on the command line, or all of them (for help, or to report an unknown one). */
async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const named = argv[2];
  if (named !== undefined && Object.hasOwn(COMMANDS, named)) return [await COMMANDS[named]!()];
  return Promise.all(Object.values(COMMANDS).map((build) => build()));
}

/**
 * A fresh `mtus` program for these arguments (node, script, arguments...): commander keeps parsed
 * options on the command, so one per run.
 */
export async function mtusProgram(argv: readonly string[]): Promise<Command> {
  const program: Command = new Command('mtus')
    .description('Predict and explain California IMR outcomes from cited MTUS/ODG guideline rules')
    .option('--cache-dir <dir>', 'where compiled rulesets and text read from PDFs are kept (default: $XDG_CACHE_HOME/mtus-rules or ~/.cache/mtus-rules)')
    .hook('preAction', (root: Command) => setCacheDir(root.opts<{ cacheDir?: string }>().cacheDir))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const command of await commandsFor(argv)) program.addCommand(command);
  // addCommand() does not pass these settings down: every command must throw, not exit, on bad usage.
  for (const command of [...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) }).configureHelp({ showGlobalOptions: true });
  }
  return program;
}

/**
 * Runs `mtus` with `argv` as process.argv gives it (node, script, arguments...) and returns the
 * exit code; output goes to process.stdout and process.stderr. Tests run commands this way.
 */
export async function runMtus(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  try {
    await (await mtusProgram(argv)).parseAsync([...argv]);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    return exitCodeFor(e);
  } finally {
    process.exitCode = undefined;
    setCacheDir(undefined);
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
