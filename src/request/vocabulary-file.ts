/**
 * The request vocabulary may be split over several files (rules/catalog/request-*.yaml): lists
 * are concatenated in file order. The treatments and classes it names are checked by the loader.
 */
import type { RequestVocabulary, RequestVocabularyFile } from '../model/catalog-schema.js';
import type { PathSegment } from '../yaml/yaml-document.js';

type ListKey = Exclude<keyof RequestVocabulary, never>;

export function mergeVocabulary(into: RequestVocabulary, file: RequestVocabularyFile): RequestVocabulary {
  const out: Record<string, unknown[]> = { ...(into as Record<string, unknown[]>) };
  for (const [key, value] of Object.entries(file)) {
    if (key === '$schema' || !Array.isArray(value)) continue;
    out[key] = [...(out[key] ?? []), ...value];
  }
  return out as RequestVocabulary;
}

/** Every catalog id the file names, with where it names it. */
export function vocabularyReferences(v: RequestVocabularyFile): { id: string; path: PathSegment[] }[] {
  const refs: { id: string; path: PathSegment[] }[] = [];
  const at = (key: ListKey, i: number, ...rest: PathSegment[]): PathSegment[] => [key, i, ...rest];
  v.specialties?.forEach((s, i) => Object.entries(s.services ?? {}).forEach(([k, id]) => refs.push({ id, path: at('specialties', i, 'services', k) })));
  v.services?.forEach((s, i) => refs.push({ id: s.treatment, path: at('services', i, 'treatment') }));
  v.derived?.forEach((d, i) => {
    refs.push({ id: d.treatment, path: at('derived', i, 'treatment') }, { id: d.object, path: at('derived', i, 'object') });
    d.vehicles?.forEach((id, k) => refs.push({ id, path: at('derived', i, 'vehicles', k) }));
    d.alone_among?.forEach((id, k) => refs.push({ id, path: at('derived', i, 'alone_among', k) }));
  });
  v.combinations?.forEach((c, i) => {
    refs.push({ id: c.treatment, path: at('combinations', i, 'treatment') });
    c.objects.forEach((id, k) => refs.push({ id, path: at('combinations', i, 'objects', k) }));
  });
  v.perioperative_classes?.forEach((id, i) => refs.push({ id, path: ['perioperative_classes', i] }));
  return refs;
}
