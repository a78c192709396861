/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days, free of time zones. */
const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function weeksBetween(from: string, to: string): number {
  return Math.floor((daysBetween(from, to) / 7) * 10) / 10;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
