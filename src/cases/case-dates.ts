/**
 * Dates a case cannot have: after today (a UR denial in 2099 would put the request 5,000 weeks
 * after the injury), or a claim date before the injury it concerns. Impossible calendar dates
 * (2017-02-30) are refused by the schema already.
 */
import type { Case } from '../model/case-schema.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { CaseProblem } from './case-semantics.js';

/** Today's date: the later of the local and the UTC date, so no time zone makes today "the future". */
export function latestToday(now: Date = new Date()): string {
  const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const utc = now.toISOString().slice(0, 10);
  return local > utc ? local : utc;
}

const CLAIM_DATES = { request: 'request date', ur_denial: 'UR denial date', assigned: 'date assigned', decision: 'IMR decision date', last_visit: 'last visit' } as const;

export function checkCaseDates(kase: Partial<Case>, today: string = latestToday()): CaseProblem[] {
  const out: CaseProblem[] = [];
  const future = (date: string | undefined, path: PathSegment[]) => {
    if (date !== undefined && date > today) out.push({ path, code: 'future-date', message: `${date} is after today (${today})` });
  };
  const injury = kase.dates?.injury;
  const afterInjury = (date: string | undefined, label: string, path: PathSegment[]) => {
    if (date !== undefined && injury !== undefined && date < injury) {
      out.push({ path, code: 'before-injury', message: `the ${label} ${date} is before the injury (${injury})` });
    }
  };
  for (const [key, date] of Object.entries(kase.dates ?? {})) future(date, ['dates', key]);
  for (const [key, label] of Object.entries(CLAIM_DATES)) afterInjury(kase.dates?.[key as keyof typeof CLAIM_DATES], label, ['dates', key]);
  kase.treatments?.forEach((t, i) => {
    future(t.start, ['treatments', i, 'start']);
    future(t.end, ['treatments', i, 'end']);
  });
  kase.procedures?.forEach((p, i) => future(p.date, ['procedures', i, 'date']));
  kase.studies?.forEach((s, i) => future(s.date, ['studies', i, 'date']));
  kase.symptom_duration?.forEach((d, i) => {
    future(d.onset, ['symptom_duration', i, 'onset']);
    future(d.as_of, ['symptom_duration', i, 'as_of']);
  });
  kase.items?.forEach((item, i) => {
    future(item.request_date, ['items', i, 'request_date']);
    afterInjury(item.request_date, 'request date', ['items', i, 'request_date']);
  });
  return out;
}

/** The date a request is judged at, given by the caller: not after today nor before the injury. */
export function checkAsOf(asOf: string, kase: Partial<Case>, label = '--as-of', today: string = latestToday()): CaseProblem | undefined {
  if (asOf > today) return { path: [], code: 'future-date', message: `${label} ${asOf} is after today (${today})` };
  const injury = kase.dates?.injury;
  if (injury !== undefined && asOf < injury) return { path: ['dates', 'injury'], code: 'as-of-before-injury', message: `${label} ${asOf} is before the injury (${injury})` };
  return undefined;
}
