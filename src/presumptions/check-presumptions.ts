/** The policy file may only declare presumptions the facts implement, with the parameters they read. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { Presumption } from '../model/presumption-schema.js';
import { positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { KNOWN_PRESUMPTIONS } from './known.js';

export function checkPresumptions(
  declared: readonly { presumption: Presumption; file: string; path: PathSegment[] }[],
  files: () => ReadonlyMap<string, YamlFile>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (file: string, path: PathSegment[], code: string, message: string) => {
    const y = files().get(file);
    out.push({ file, ...(y ? positionOf(y, path) : { line: 1, column: 1 }), code, message });
  };
  for (const { presumption: p, file, path } of declared) {
    const known = KNOWN_PRESUMPTIONS[p.id];
    if (seen.has(p.id)) report(file, [...path, 'id'], 'duplicate-presumption', `presumption '${p.id}' is declared twice`);
    seen.add(p.id);
    if (!known) {
      report(file, [...path, 'id'], 'unknown-presumption', `no fact implements presumption '${p.id}'${didYouMean(p.id, Object.keys(KNOWN_PRESUMPTIONS))}`);
      continue;
    }
    for (const param of known.params) {
      if (p.params?.[param] === undefined) report(file, path, 'missing-param', `presumption '${p.id}' needs parameter '${param}' (read by ${known.implementedBy})`);
    }
  }
  return out;
}
