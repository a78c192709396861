/**
 * Citations name registry documents, and no rule outlives its document: every source names a
 * document of documents.yaml by its canonical name, an edition the document had, and an effective
 * window inside the dates that edition was in force (a rule judging requests after its guideline
 * was retired would predict from a retired edition).
 */
import { closestName } from '../diagnostics/suggest.js';
import type { DocumentRegistry } from '../eras/registry.js';
import type { InForcePeriod } from '../model/document-schema.js';
import type { Effective, Source } from '../model/rule-schema.js';
import { editionsOf } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { Report } from './locate.js';

export function checkDocuments(ruleset: Ruleset, report: Report): void {
  const registry = ruleset.documents;
  checkRegistry(ruleset, report);
  for (const c of ruleset.rules) {
    editionsOf(c.rule).forEach((e, i) => {
      const base: PathSegment[] = i === 0 ? [] : ['editions', i - 1];
      const doc = checkName(registry, e.source.document, (code, msg) => report(c.file, [...base, 'source', 'document'], code, msg));
      if (!doc) return;
      const periods = registry.periodsOf(doc, e.source.edition);
      if (!periods) {
        const known = doc.in_force.map((p) => p.edition).filter(Boolean).join(', ');
        report(c.file, [...base, 'source', 'edition'], 'unknown-edition', `'${doc.name}' has no edition '${e.source.edition}' in the document registry (editions: ${known})`);
        return;
      }
      const outlives = outside(e.effective, periods);
      const inForce = `'${doc.name}' (${e.source.edition}) was in force ${periods.map(describePeriod).join(', ')}`;
      if (outlives) report(c.file, [...base, 'effective'], 'outlives-document', `${describe(e.effective)} ${outlives(inForce)}`);
    });
    (c.rule.also_cites ?? []).forEach((s: Source, i) => checkName(registry, s.document, (code, msg) => report(c.file, ['also_cites', i, 'document'], code, msg)));
  }
  // Shared criteria cite where a principle is stated: the same names apply.
  const seen = new Set<string>();
  for (const s of ruleset.shared.values()) {
    const index = s.path[1];
    const key = `${s.file}#${String(index)}`;
    if (seen.has(key) || typeof index !== 'number') continue;
    seen.add(key);
    const value = ruleset.files.get(s.file)?.value as { shared?: { source?: Source }[] } | undefined;
    const document = value?.shared?.[index]?.source?.document;
    if (document) checkName(registry, document, (code, msg) => report(s.file, ['shared', index, 'source', 'document'], code, msg));
  }
}

type Problem = (code: string, message: string) => void;

function checkName(registry: DocumentRegistry, name: string, problem: Problem) {
  const doc = registry.canonical(name);
  if (doc) return doc;
  const aliased = registry.find(name);
  if (aliased) problem('non-canonical-document', `'${name}' is another name of '${aliased.name}': cite the registry's canonical name`);
  else {
    const meant = closestName(name, registry.documents.map((d) => d.name));
    problem('unknown-document', `'${name}' is not in the document registry (documents.yaml)${meant ? ` (did you mean '${meant}'?)` : ''}`);
  }
  return undefined;
}

/** Why a window is not inside any one of the periods (worded around `inForce`), or undefined when it is. */
function outside(e: Effective, periods: readonly InForcePeriod[]): ((inForce: string) => string) | undefined {
  if (periods.some((p) => p.from <= e.from && (p.to === undefined || (e.to !== undefined && e.to <= p.to)))) return undefined;
  const starts = periods.filter((p) => p.from <= e.from && (p.to === undefined || e.from <= p.to));
  if (starts.length === 0) return (inForce) => `starts before its document: ${inForce}`;
  const end = starts.map((p) => p.to!).sort().at(-1)!;
  return (inForce) => `${e.to === undefined ? 'has no end' : `ends ${e.to}`}, but ${inForce}: end it by ${end}`;
}

const describe = (e: Effective) => `the window from ${e.from}`;
const describePeriod = (p: InForcePeriod) => `${p.from} to ${p.to ?? 'open'}`;

/** The registry itself: one name per document, periods that run forward and do not overlap. */
function checkRegistry(ruleset: Ruleset, report: Report): void {
  const names = new Map<string, string>();
  for (const d of ruleset.documents.documents) {
    if (!d.file || d.index === undefined) continue;
    const at = (path: PathSegment[]) => ['documents', d.index!, ...path];
    [d.name, ...(d.aliases ?? [])].forEach((n, i) => {
      const k = n.toLowerCase().replace(/\s+/g, ' ').trim();
      const first = names.get(k);
      if (first && first !== d.name) report(d.file!, at(i === 0 ? ['name'] : ['aliases', i - 1]), 'duplicate-document', `'${n}' already names '${first}'`);
      else names.set(k, d.name);
    });
    const sorted = [...d.in_force].map((p, i) => ({ p, i })).sort((a, b) => a.p.from.localeCompare(b.p.from));
    sorted.forEach(({ p, i }, k) => {
      if (p.to && p.to < p.from) report(d.file!, at(['in_force', i, 'to']), 'invalid-dates', `in_force.to ${p.to} is before in_force.from ${p.from}`);
      const prev = sorted[k - 1]?.p;
      if (prev && (prev.to === undefined || p.from <= prev.to) && prev.edition === p.edition) {
        report(d.file!, at(['in_force', i, 'from']), 'edition-overlap', `this period starts ${p.from} while the previous one is still in force`);
      }
    });
    if (!d.encoded && !d.why_not_encoded && d.role !== 'regulation') report(d.file!, at(['encoded']), 'missing-key', `'${d.name}' is not encoded: say why in why_not_encoded`);
  }
}
