/**
 * Two rules that apply to the same treatment, route, region and date must say how they relate:
 * one `overrides` the other, or they `combines_with` each other (both must pass). Otherwise which
 * guideline governs the item is left to chance.
 */
import type { CompiledRule } from '../engine/compiled-rule.js';
import { editionsOf } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { COMPOUND } from '../predict/resolve-item.js';
import type { Report } from './locate.js';

export function checkPrecedence(ruleset: Ruleset, report: Report): void {
  const { catalog } = ruleset;
  const ids = [...catalog.treatmentIds(), ...catalog.classIdList(), COMPOUND];
  const covered = new Map<CompiledRule, Set<string>>();
  for (const c of ruleset.rules) {
    const a = c.rule.applies_to;
    covered.set(c, new Set(ids.filter((t) => a.treatments?.includes(t) || (a.classes ?? []).some((k) => catalog.isA(t, k) || t === k))));
  }
  const rules = ruleset.rules;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (related(a, b)) continue;
      const shared = [...covered.get(a)!].filter((t) => covered.get(b)!.has(t));
      if (shared.length === 0 || !meets(a.rule.applies_to.routes, b.rule.applies_to.routes) || !meets(a.rule.applies_to.regions, b.rule.applies_to.regions)) continue;
      const when = overlappingDate(a, b);
      if (!when) continue;
      report(b.file, ['applies_to'], 'ambiguous-precedence',
        `'${b.rule.id}' and '${a.rule.id}' both apply to ${shared.slice(0, 3).join(', ')}${shared.length > 3 ? ', ...' : ''} on ${when}: state overrides or combines_with`, { key: true });
    }
  }
}

function related(a: CompiledRule, b: CompiledRule): boolean {
  const names = (c: CompiledRule) => [...(c.rule.overrides ?? []), ...(c.rule.combines_with ?? [])];
  return names(a).includes(b.rule.id) || names(b).includes(a.rule.id);
}

/** Two restrictions meet unless both are given and share nothing (absent means any). */
function meets<T>(x: readonly T[] | undefined, y: readonly T[] | undefined): boolean {
  return !x || !y || x.some((v) => y.includes(v));
}

/** The first date on which an edition of each rule is in force, if any. */
function overlappingDate(a: CompiledRule, b: CompiledRule): string | undefined {
  for (const ea of editionsOf(a.rule)) {
    for (const eb of editionsOf(b.rule)) {
      const from = ea.effective.from > eb.effective.from ? ea.effective.from : eb.effective.from;
      const toA = ea.effective.to ?? '9999-12-31';
      const toB = eb.effective.to ?? '9999-12-31';
      if (from <= (toA < toB ? toA : toB)) return from;
    }
  }
  return undefined;
}
