/**
 * Which catalog treatments and classes a text names ("topical muscle relaxants", "NCS"), and
 * every kind a request belongs to (its treatments, their ingredients and classes), so a guideline
 * sentence can be tied to the request it speaks of.
 */
import type { Catalog } from '../catalog/catalog.js';

const classMatchers = new WeakMap<Catalog, { id: string; pattern: RegExp }[]>();

function classesOf(catalog: Catalog): { id: string; pattern: RegExp }[] {
  let list = classMatchers.get(catalog);
  if (!list) {
    list = catalog.data.classes.flatMap((c) => (c.names ?? []).map((n) => ({ id: c.id, pattern: namePattern(n) })));
    classMatchers.set(catalog, list);
  }
  return list;
}

/** A name matched word for word, any punctuation between words, plural "s" allowed. */
function namePattern(name: string): RegExp {
  const words = name.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new RegExp(`\\b${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^a-z0-9]+')}s?\\b`, 'i');
}

/** Treatment and class ids named in the text, as written (not their broader classes). */
export function namedIds(text: string, catalog: Catalog): Set<string> {
  const ids = new Set(catalog.findNames(text).map((m) => m.entry.id));
  for (const c of classesOf(catalog)) if (c.pattern.test(text)) ids.add(c.id);
  return ids;
}

/** Every kind the request is: the treatments it names, their ingredients, and all their classes. */
export function requestKinds(request: string, catalog: Catalog): Set<string> {
  const out = new Set<string>();
  const add = (id: string) => {
    for (const k of catalog.kindsOf(id)) out.add(k);
    for (const ingredient of catalog.treatment(id)?.ingredients ?? []) add(ingredient);
  };
  for (const id of namedIds(request, catalog)) add(id);
  return out;
}
