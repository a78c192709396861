/** Option parsing shared by commands: formats, dates, counts, with one-line errors. */
import { InvalidArgumentError } from 'commander';
import { latestToday } from '../cases/case-dates.js';
import type { Format, RenderOptions } from '../report/reporter.js';

/** A real calendar date, YYYY-MM-DD (2017-02-30 is refused). */
export function parseDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD that exists on the calendar');
  }
  return value;
}

/** A date a request is judged at: a real date, and not after today (no request is judged in 2099). */
export function parseJudgedDate(value: string): string {
  parseDate(value);
  const today = latestToday();
  if (value > today) throw new InvalidArgumentError(`${value} is after today (${today})`);
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
