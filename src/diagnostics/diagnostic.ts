/**
 * A located problem in an input file. Every command reports bad input this way:
 * `file:line:column: code: message`, one line each, sorted, never a stack trace.
 */
export interface Diagnostic {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** kebab-case, stable: tests and editors key on it */
  code: string;
  message: string;
  severity?: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

/** Thrown by loaders when input is invalid; the CLI prints the diagnostics and exits 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'));
    this.name = 'InputError';
  }
}
