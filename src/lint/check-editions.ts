/**
 * Effective dates must chain: a rule's editions (and rules that split one recommendation by edition)
 * neither overlap nor leave a gap, so every request date finds exactly one edition in force.
 */
import { daysBetween } from '../facts/dates.js';
import type { Effective } from '../model/rule-schema.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { editionsOf } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { Report } from './locate.js';
import type { PathSegment } from '../yaml/yaml-document.js';

interface Span {
  rule: CompiledRule;
  effective: Effective;
  path: PathSegment[];
}

export function checkEditions(ruleset: Ruleset, report: Report): void {
  for (const c of ruleset.rules) {
    const spans = editionsOf(c.rule).map((e, i): Span => ({ rule: c, effective: e.effective, path: i === 0 ? ['effective'] : ['editions', i - 1, 'effective'] }));
    for (const s of spans) {
      if (s.effective.to && s.effective.to < s.effective.from) report(c.file, s.path, 'invalid-dates', `effective.to ${s.effective.to} is before effective.from ${s.effective.from}`);
    }
    chain(spans, report, 'edition');
  }
  // Rules that apply to exactly the same items are one recommendation split by edition.
  const bySignature = new Map<string, Span[]>();
  for (const c of ruleset.rules) {
    const key = JSON.stringify(signature(c));
    const spans = editionsOf(c.rule).map((e, i): Span => ({ rule: c, effective: e.effective, path: i === 0 ? ['effective'] : ['editions', i - 1, 'effective'] }));
    bySignature.set(key, [...(bySignature.get(key) ?? []), ...spans]);
  }
  for (const spans of bySignature.values()) {
    if (new Set(spans.map((s) => s.rule)).size > 1) chain(spans, report, 'rule', true);
  }
}

function signature(c: CompiledRule) {
  const a = c.rule.applies_to;
  const sorted = (x?: readonly string[]) => [...(x ?? [])].sort();
  return [sorted(a.treatments), sorted(a.classes), sorted(a.routes), sorted(a.regions)];
}

function chain(spans: Span[], report: Report, what: 'edition' | 'rule', gapsOnly = false): void {
  const sorted = [...spans].sort((x, y) => x.effective.from.localeCompare(y.effective.from));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (prev.rule !== next.rule && !gapsOnly) continue;
    if (prev.effective.to === undefined || next.effective.from <= prev.effective.to) {
      // Overlaps between different rules are reported as ambiguous precedence.
      if (!gapsOnly) report(next.rule.file, next.path, 'edition-overlap', `this ${what} starts ${next.effective.from} while the previous one is still in force`);
      continue;
    }
    const gap = daysBetween(prev.effective.to, next.effective.from) - 1;
    if (gap > 0) {
      const other = prev.rule === next.rule ? '' : ` (after ${prev.rule.rule.id})`;
      report(next.rule.file, next.path, 'edition-gap', `${gap} day(s) between ${prev.effective.to} and ${next.effective.from} are covered by no ${what}${other}`);
    }
  }
}
