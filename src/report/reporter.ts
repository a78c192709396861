/**
 * One reporter interface for every command: a result renders for humans (text, colour only on a
 * terminal), machines (JSON) and reviews (Markdown). Commands never format their own output.
 */
import pc from 'picocolors';

export type Format = 'text' | 'json' | 'markdown';

export type Colors = ReturnType<typeof pc.createColors>;

export interface Reporter<R> {
  text(result: R, c: Colors): string;
  json(result: R): unknown;
  markdown(result: R): string;
}

export interface RenderOptions {
  format: Format;
  /** colour the text form; decided by the caller from the output stream */
  color: boolean;
}

export function render<R>(reporter: Reporter<R>, result: R, opts: RenderOptions): string {
  switch (opts.format) {
    case 'json':
      return `${JSON.stringify(reporter.json(result), null, 2)}\n`;
    case 'markdown':
      return ensureNewline(reporter.markdown(result));
    default:
      return ensureNewline(reporter.text(result, pc.createColors(opts.color)));
  }
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** Escapes a value for a Markdown table cell. */
export function cell(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
