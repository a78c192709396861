/**
 * Dates as letters write them: 10/13/2016, 10-13-16, 11/18/ 2016 (wrapped), October 10, 2015.
 * A month and year alone, or a year alone, is not a date: no day is ever invented.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

export interface DateMention {
  iso: string;
  start: number;
  end: number;
}

const NUMERIC = /(?<![\d/.-])(\d{1,2})\s?([/-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/]|-\d)/g;
const WRITTEN = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi');

export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const iso = isoDate(Number(m[4]!.length === 2 ? century(m[4]!) : m[4]), Number(m[1]), Number(m[3]));
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(WRITTEN)) {
    const month = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase().replace('.', '').slice(0, 3))) + 1;
    const iso = isoDate(Number(m[3]), month, Number(m[2]));
    if (iso) out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** One date written alone (a header value); undefined when it is not a whole date. */
export function parseDate(s: string): string | undefined {
  const found = findDates(s.trim());
  return found.length === 1 && found[0]!.end - found[0]!.start === s.trim().length ? found[0]!.iso : undefined;
}

function century(yy: string): string {
  const n = Number(yy);
  return String(n <= 40 ? 2000 + n : 1900 + n);
}

function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
