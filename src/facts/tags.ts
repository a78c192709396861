/**
 * Three-valued reading of tag lists: a tag is documented present (directly or through a narrower
 * tag that implies it), documented absent (it, or a broader tag it implies, is ruled out), or
 * not documented at all.
 */
import type { Catalog, TermKind } from '../catalog/catalog.js';

export function tagStatus(
  catalog: Catalog,
  kind: TermKind,
  tag: string,
  present: readonly string[] | undefined,
  absent: readonly string[] | undefined,
): boolean | undefined {
  if (present?.some((t) => catalog.impliedBy(kind, t).has(tag))) return true;
  const broader = catalog.impliedBy(kind, tag);
  if (absent?.some((t) => broader.has(t))) return false;
  return undefined;
}

/** The present tags that establish `tag`, for explanations. */
export function tagsEstablishing(catalog: Catalog, kind: TermKind, tag: string, present: readonly string[] | undefined): string[] {
  return (present ?? []).filter((t) => catalog.impliedBy(kind, t).has(tag));
}
