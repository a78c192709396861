/**
 * Selects the rules that apply to an item: by treatment or class, then route, body region and
 * the edition in force on the request date. Rules are bucketed by the treatments and classes they
 * name, so the cost of selection grows with the rules that could apply, not the whole ruleset.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import type { BodyRegion, Route } from '../model/vocabulary.js';
import { editionAt } from './editions.js';

export interface SelectionKey {
  treatment: string | undefined;
  route: Route | undefined;
  regions: readonly BodyRegion[] | undefined;
  date: string;
}

export class RuleIndex {
  private readonly byKind = new Map<string, CompiledRule[]>();
  private readonly order = new Map<CompiledRule, number>();

  constructor(readonly rules: readonly CompiledRule[], private readonly catalog: Catalog) {
    rules.forEach((c, i) => this.order.set(c, i));
    for (const c of rules) {
      for (const k of [...(c.rule.applies_to.treatments ?? []), ...(c.rule.applies_to.classes ?? [])]) {
        const bucket = this.byKind.get(k);
        if (bucket) bucket.push(c);
        else this.byKind.set(k, [c]);
      }
    }
  }

  private readonly candidateCache = new Map<string, CompiledRule[]>();

  /** Rules naming this treatment or one of its classes, whatever the route, region or date. */
  candidates(treatment: string): CompiledRule[] {
    let found = this.candidateCache.get(treatment);
    if (!found) {
      const set = new Set<CompiledRule>();
      for (const kind of this.catalog.kindsOf(treatment)) for (const c of this.byKind.get(kind) ?? []) set.add(c);
      found = [...set].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
      this.candidateCache.set(treatment, found);
    }
    return found;
  }

  select(key: SelectionKey): CompiledRule[] {
    if (key.treatment === undefined) return [];
    const applicable = this.candidates(key.treatment).filter((c) => applies(c, key));
    // Candidates are in ruleset (file) order, so reports are reproducible.
    if (!applicable.some((c) => c.rule.overrides)) return applicable;
    const overridden = new Set(applicable.flatMap((c) => c.rule.overrides ?? []));
    return applicable.filter((c) => !overridden.has(c.rule.id));
  }
}


function applies(c: CompiledRule, key: SelectionKey): boolean {
  const a = c.rule.applies_to;
  if (a.routes && (key.route === undefined || !a.routes.includes(key.route))) return false;
  if (a.regions && !(key.regions ?? []).some((r) => a.regions!.includes(r))) return false;
  return editionAt(c.rule, key.date) !== undefined;
}
