/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, free of time zones. */
const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** Days since 1970 of an ISO date (NaN when it is not one); a run meets few dates, each parsed once. */
const dayNumbers = new Map<string, number>();
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    n = Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
    if (dayNumbers.size < 100_000) dayNumbers.set(iso, n);
  }
  return n;
}

export function weeksBetween(from: string, to: string): number {
  return Math.floor((daysBetween(from, to) / 7) * 10) / 10;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
