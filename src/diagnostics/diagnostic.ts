/**
 * A located problem in an input file. Every command reports bad input this way:
 * `file:line:column: code: message`, one line each, sorted, never a stack trace. A problem with
 * the file as a whole (missing, unreadable, too large) has no position and reads `file: message`.
 */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file */
  line: number;
  /** 1-based; 0 when the problem concerns the whole file */
  column: number;
  /** kebab-case, stable: tests and editors key on it */
  code: string;
  message: string;
  severity?: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}: ${d.code}: ${d.message}` : `${d.file}: ${d.message}`;
}

/** A problem with a whole file (or an output path, or an option), which has no line to point at. */
export function fileDiagnostic(file: string, code: string, message: string): Diagnostic {
  return { file, line: 0, column: 0, code, message };
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
