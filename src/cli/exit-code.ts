/**
 * How a command's failure ends the process: bad input (an InputError, a bad option, any
 * file-system error) prints one line per problem and gives exit 2; anything else is a bug, one
 * line and exit 1, with its stack only when MTUS_DEBUG is set. Never a stack trace otherwise.
 */
import { CommanderError } from 'commander';
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { fsDiagnostic, isFsError } from '../io/fs-errors.js';

export function exitCodeFor(e: unknown, stderr: { write(s: string): unknown } = process.stderr): number {
  if (e instanceof InputError) {
    for (const d of e.diagnostics) stderr.write(`${formatDiagnostic(d)}\n`);
    return 2;
  }
  if (e instanceof CommanderError) {
    // commander has printed its message; help and version exit cleanly.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (isFsError(e)) {
    // A path nobody caught earlier: name it as the error does (readers and writers name the path given).
    stderr.write(`${formatDiagnostic(fsDiagnostic(e.path ?? (e as { dest?: string }).dest ?? 'mtus', e))}\n`);
    return 2;
  }
  const err = e as Error | undefined;
  const message = (err?.message ?? String(e)).split('\n')[0];
  stderr.write(`mtus: internal error: ${message}\n`);
  if (process.env.MTUS_DEBUG) stderr.write(`${err?.stack ?? ''}\n`);
  return 1;
}
