/**
 * Phase of care: which guidelines are written for this request's stage of recovery. The Chronic
 * Pain guidelines state that they apply to pain persisting beyond the anticipated time of healing;
 * the ACOEM body-part chapters are written for acute and subacute complaints. Each document's
 * scope is data (rules/documents.yaml `scope`). Out of its phase, a document that applies only in
 * its phase (the Chronic Pain guidelines) yields to any other rule that applies; a document written
 * for its phase but not limited to it (an ACOEM chapter) yields only to an MTUS guideline written
 * for the request's phase. A rule that yields to nothing still judges the request, and the
 * explanation says it was written for another phase.
 */
import type { CompiledRule } from '../engine/compiled-rule.js';
import type { DocumentRegistry } from '../eras/registry.js';
import { weeksBetween } from '../facts/dates.js';
import type { Case } from '../model/case-schema.js';
import type { Phase, PhaseScope } from '../model/document-schema.js';
import { editionAt } from '../ruleset/editions.js';

/** How long the worker has had symptoms when the request is judged. */
export interface Recovery {
  weeks: number;
  /** what the weeks are counted from */
  from: 'injury';
}

export interface PhaseSelection {
  rules: CompiledRule[];
  /** rules left out because their document is written for another phase of care */
  setAside: { rule: string; document: string; phase: Phase; boundaryWeeks: number }[];
  /** rules kept although written for another phase, because nothing written for this phase applies */
  outOfPhase: { rule: string; document: string; phase: Phase; boundaryWeeks: number }[];
}

export function recoveryOf(kase: Case, date: string): Recovery | undefined {
  const injury = kase.dates?.injury;
  if (!injury || injury > date) return undefined;
  return { weeks: weeksBetween(injury, date), from: 'injury' };
}

/** Does a document written for `scope` speak to a request `weeks` after the injury? */
export function inPhase(scope: PhaseScope, weeks: number): boolean {
  return scope.phase === 'chronic' ? weeks >= scope.boundary_weeks : weeks < scope.boundary_weeks;
}

export function selectByPhase(rules: readonly CompiledRule[], date: string, recovery: Recovery | undefined, documents: DocumentRegistry): PhaseSelection {
  if (recovery === undefined) return { rules: [...rules], setAside: [], outOfPhase: [] };
  const scoped = rules.map((c) => {
    const name = editionAt(c.rule, date)?.source.document ?? c.rule.source.document;
    return { c, name, scope: documents.find(name)?.scope };
  });
  const fits = scoped.filter((r) => r.scope === undefined || inPhase(r.scope, recovery.weeks));
  const mtusInPhase = fits.some((r) => r.scope !== undefined && documents.find(r.name)?.role === 'mtus');
  const describe = (r: (typeof scoped)[number]) => ({ rule: r.c.rule.id, document: r.name, phase: r.scope!.phase, boundaryWeeks: r.scope!.boundary_weeks });
  const kept: typeof scoped = [];
  const setAside: PhaseSelection['setAside'] = [];
  const outOfPhase: PhaseSelection['outOfPhase'] = [];
  for (const r of scoped) {
    if (r.scope === undefined || inPhase(r.scope, recovery.weeks)) kept.push(r);
    else if (r.scope.exclusive ? fits.length > 0 : mtusInPhase) setAside.push(describe(r));
    else {
      kept.push(r);
      outOfPhase.push(describe(r));
    }
  }
  return { rules: kept.map((r) => r.c), setAside, outOfPhase };
}
