/**
 * A guideline statement that the requested treatment is not recommended, wherever the reviewer
 * puts it: "Topical muscle relaxants are not recommended" for a cyclobenzaprine cream, "the only
 * recommended topical NSAID is diclofenac" for a flurbiprofen compound. The statement must name
 * a kind the request belongs to and be plain: a statement limited to some cases ("not recommended
 * as a first line", "without surgical indications") is a criterion, read elsewhere, not a verdict.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { Clause } from './clauses.js';
import { namedIds } from './named-kinds.js';
import type { CompiledPhrases } from './phrases.js';

/** Where in the clause the statement is, or undefined when it does not reject this request. */
export function notRecommendedAt(clause: Clause, request: { text: string; kinds: ReadonlySet<string> }, phrases: CompiledPhrases, catalog: Catalog): number | undefined {
  const p = phrases.notRecommended;
  const only = p.only.exec(clause.text);
  const statement = only ? null : p.statement.exec(clause.text);
  if (!only && (!statement || p.conditional.test(clause.text))) return undefined;
  const named = p.thisRequest.test(clause.text) || [...namedIds(clause.text, catalog)].some((id) => request.kinds.has(id));
  if (!named) return undefined;
  if (only) return isAllowedForm(only.groups?.allowed ?? '', request.text) ? undefined : only.index;
  return statement!.index;
}

/** The request is the one allowed form when it shares a word with it ("Lidoderm patch"). */
function isAllowedForm(allowed: string, request: string): boolean {
  const words = (s: string) => new Set((s.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) => w.replace(/e?s$/, '')));
  const requested = words(request);
  return [...words(allowed)].some((w) => requested.has(w));
}
