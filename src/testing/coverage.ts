/**
 * Criterion coverage: for every criterion in the ruleset, which statuses (met, not met, not
 * documented) examples and cases have driven it to. A criterion never seen failing or never seen
 * undocumented is an untested branch of the guideline.
 */
import type { CompiledNode, Origin } from '../engine/compiled-rule.js';
import type { Status } from '../engine/kleene.js';
import type { Evaluated } from '../predict/predict-item.js';
import { walk } from '../ruleset/rule-semantics.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { positionOf } from '../yaml/yaml-document.js';

const STATUSES: Status[] = ['met', 'not_met', 'unknown'];

export interface CriterionCoverage {
  file: string;
  line: number;
  column: number;
  id: string;
  reached: Status[];
  missing: Status[];
}

export interface CoverageReport {
  percent: number;
  reachedPairs: number;
  possiblePairs: number;
  criteria: CriterionCoverage[];
}

const keyOf = (o: Origin) => `${o.file}#${o.path.join('.')}`;

export class CoverageCollector {
  private readonly reached = new Map<string, Set<Status>>();

  add(e: Evaluated): void {
    for (const [node, status] of e.evaluation.statusOf) {
      if (node.kind !== 'leaf' && node.kind !== 'verdict') continue;
      const k = keyOf(node.origin);
      const set = this.reached.get(k) ?? new Set<Status>();
      set.add(status);
      this.reached.set(k, set);
    }
  }

  /** Coverage of every criterion of the ruleset, or of those written in `only` (display paths). */
  report(ruleset: Ruleset, only?: ReadonlySet<string>): CoverageReport {
    const criteria = new Map<string, CriterionCoverage>();
    for (const c of ruleset.rules) {
      walk(c.tree, (node: CompiledNode) => {
        if (node.kind !== 'leaf' && node.kind !== 'verdict') return;
        if (only && !only.has(node.origin.file)) return;
        const k = keyOf(node.origin);
        if (criteria.has(k)) return;
        // A fixed verdict can only ever take its one status.
        const possible = node.kind === 'verdict' ? [node.status] : STATUSES;
        const got = this.reached.get(k) ?? new Set<Status>();
        const y = ruleset.files.get(node.origin.file);
        const pos = y ? positionOf(y, node.origin.path) : { line: 1, column: 1 };
        criteria.set(k, {
          file: node.origin.file,
          ...pos,
          id: node.id ?? '?',
          reached: possible.filter((s) => got.has(s)),
          missing: possible.filter((s) => !got.has(s)),
        });
      });
    }
    const list = [...criteria.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    const possiblePairs = list.reduce((n, c) => n + c.reached.length + c.missing.length, 0);
    const reachedPairs = list.reduce((n, c) => n + c.reached.length, 0);
    return { percent: possiblePairs === 0 ? 100 : Math.round((1000 * reachedPairs) / possiblePairs) / 10, reachedPairs, possiblePairs, criteria: list };
  }
}
