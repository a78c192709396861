/**
 * Criteria are reported by id and text: a negated criterion must be named (its failure reads as
 * its own text), a group is named fully or not at all, and shared criteria should be used. Every
 * leaf says what to document when its fact is absent (`missing:`), for the "To pass, document" line.
 */
import { walk } from '../ruleset/rule-semantics.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { Report } from './locate.js';

/** `complete` is false when some rule file did not load: then nobody can tell a shared criterion is unused. */
export function checkCriteria(ruleset: Ruleset, report: Report, complete = true): void {
  const used = new Set<string>();
  for (const c of ruleset.rules) {
    walk(c.tree, (node) => {
      const where = `${node.origin.file}#${node.origin.path.join('.')}`;
      // A `when:` guard is never "not documented" to the reader: undocumented, it simply does not apply.
      const guard = node.origin.path[node.origin.path.length - 1] === 'when';
      if (node.kind === 'leaf' && !guard && node.criterion.missing === undefined && !used.has(where)) {
        report(node.origin.file, node.origin.path, 'missing-missing', `criterion '${node.id}' does not say what to document when '${node.criterion.fact}' is absent: add missing: <what the records must show>`, { key: true });
      }
      used.add(where);
      if (node.origin.file !== c.file) return;
      if (node.kind === 'not' && (node.id === undefined || node.text === undefined)) {
        report(c.file, node.origin.path, 'unnamed-criterion', 'a negated criterion needs an id and a text: its failure is reported in its own words', { key: true });
      } else if ((node.kind === 'all' || node.kind === 'any') && (node.id === undefined) !== (node.text === undefined)) {
        report(c.file, node.origin.path, 'unnamed-criterion', `a named group needs both an id and a text`, { key: true });
      }
    });
  }
  for (const s of ruleset.shared.values()) {
    if (complete && !s.everyRule && !used.has(`${s.file}#${s.path.join('.')}`)) {
      report(s.file, s.path.slice(0, 2), 'unused-shared-criterion', `shared criterion '${s.id}' is used by no rule`, { severity: 'warning' });
    }
  }
}
