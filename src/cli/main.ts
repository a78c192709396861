#!/usr/bin/env node
/**
 * The `mtus` command. Bad input (a case or rule file that does not validate, a bad option) prints
 * one located line per problem and exits 2, never a stack trace; MTUS_DEBUG=1 shows traces for bugs.
 * Each command's module is imported only when that command runs, so `mtus check` does not pay for
 * the importer, lint or test code; help and unknown commands load them all.
 */
import { Command, CommanderError } from 'commander';
import { setCacheDir } from '../cache/cache-dir.js';
import { InputError, formatDiagnostic } from '../diagnostics/diagnostic.js';

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
};

/** The command named on the command line, or all of them (for help, or to report an unknown one). */
async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const named = argv[2];
  if (named !== undefined && Object.hasOwn(COMMANDS, named)) return [await COMMANDS[named]!()];
  return Promise.all(Object.values(COMMANDS).map((build) => build()));
}

try {
  const program: Command = new Command('mtus')
    .description('Predict and explain California IMR outcomes from cited MTUS/ODG guideline rules')
    .option('--cache-dir <dir>', 'where compiled rulesets and text read from PDFs are kept (default: $XDG_CACHE_HOME/mtus-rules or ~/.cache/mtus-rules)')
    .hook('preAction', (root: Command) => setCacheDir(root.opts<{ cacheDir?: string }>().cacheDir))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const command of await commandsFor(process.argv)) program.addCommand(command);
  // addCommand() does not pass these settings down: every command must throw, not exit, on bad usage.
  for (const command of [...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s) }).configureHelp({ showGlobalOptions: true });
  }
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
