/** Option parsing shared by commands: formats, dates, counts, with one-line errors. */
import { InvalidArgumentError } from 'commander';
import type { Format, RenderOptions } from '../report/reporter.js';

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return value;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number from 1');
  return n;
}

export function parseFraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
}

export function renderOptions(opts: { json?: boolean; markdown?: boolean }, stream: NodeJS.WriteStream = process.stdout): RenderOptions {
  const format: Format = opts.json ? 'json' : opts.markdown ? 'markdown' : 'text';
  return { format, color: format === 'text' && stream.isTTY === true && !process.env.NO_COLOR };
}
