/**
 * Checks a valid-shaped case against the catalog: condition and finding tags, treatment,
 * procedure and study ids must exist, so a typo is an error rather than a silently undocumented fact.
 * Its dates must be possible: none after today, no claim date before the injury.
 */
import type { Catalog, TermKind } from '../catalog/catalog.js';
import { didYouMeanId } from '../catalog/suggest-id.js';
import type { Case } from '../model/case-schema.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import { checkCaseDates } from './case-dates.js';

export interface CaseProblem {
  path: PathSegment[];
  code: string;
  message: string;
}

export function checkCaseSemantics(kase: Partial<Case>, catalog: Catalog, today?: string): CaseProblem[] {
  const out: CaseProblem[] = checkCaseDates(kase, today);
  const term = (kind: TermKind, list: readonly string[] | undefined, key: string) =>
    list?.forEach((t, i) => {
      if (!catalog.term(kind, t)) out.push({ path: [key, i], code: `unknown-${kind}`, message: `'${t}' is not a catalog ${kind} tag${didYouMeanId(catalog, kind, t)}` });
    });
  const treatment = (id: string | undefined, path: PathSegment[]) => {
    if (id === undefined || catalog.isTreatment(id) || catalog.isClass(id)) return;
    out.push({ path, code: 'unknown-treatment', message: `'${id}' is not a catalog treatment or class${didYouMeanId(catalog, 'treatment', id)}` });
  };
  term('condition', kase.conditions, 'conditions');
  term('condition', kase.conditions_absent, 'conditions_absent');
  term('finding', kase.findings, 'findings');
  term('finding', kase.findings_absent?.filter((f) => f !== 'red_flags'), 'findings_absent');
  kase.treatments?.forEach((t, i) => treatment(t.treatment, ['treatments', i, 'treatment']));
  kase.procedures?.forEach((p, i) => treatment(p.procedure, ['procedures', i, 'procedure']));
  kase.studies?.forEach((s, i) => treatment(s.study, ['studies', i, 'study']));
  kase.treatment_to_date?.listed.forEach((t, i) => treatment(t, ['treatment_to_date', 'listed', i]));
  kase.items?.forEach((item, i) => {
    treatment(item.treatment, ['items', i, 'treatment']);
    item.ingredients?.forEach((g, j) => treatment(g, ['items', i, 'ingredients', j]));
    treatment(item.associated_surgery, ['items', i, 'associated_surgery']);
    treatment(item.records_show?.treatment, ['items', i, 'records_show', 'treatment']);
  });
  return out;
}
