/**
 * Kleene's strong three-valued logic over criterion statuses. "Not documented" is the unknown
 * value: it never turns into met or not met on its own, and `not unknown` is still unknown.
 */
export type Status = 'met' | 'not_met' | 'unknown';

export function and(values: readonly Status[]): Status {
  let unknown = false;
  for (const v of values) {
    if (v === 'not_met') return 'not_met';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'met';
}

export function or(values: readonly Status[]): Status {
  let unknown = false;
  for (const v of values) {
    if (v === 'met') return 'met';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'not_met';
}

export function not(value: Status): Status {
  return value === 'met' ? 'not_met' : value === 'not_met' ? 'met' : 'unknown';
}
