/**
 * Every criterion stands for a reason code, so `mtus regress` can compare the reason of a
 * prediction with the reviewer's. A criterion whose fact has no default code and that names no
 * `reason:` is an error, as is a `reason:` outside the vocabulary (rules/reasons/reason-codes.yaml).
 * Problems in the reasons files themselves are reported where they are.
 */
import { join } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { FACTS } from '../facts/registry.js';
import { criterionReason } from '../rationale/criterion-reason.js';
import { REASON_CODES_FILE, reasonData, reasonsDir, type ReasonData } from '../rationale/reason-data.js';
import { displayPath } from '../ruleset/files.js';
import { positionOf, readYamlFile } from '../yaml/yaml-document.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { walk } from '../ruleset/rule-semantics.js';
import type { Report } from './locate.js';

export function checkReasons(ruleset: Ruleset, report: Report, into: Diagnostic[]): void {
  let data: ReasonData;
  try {
    data = reasonData(ruleset.dir);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    into.push(...e.diagnostics);
    return;
  }
  unknownFacts(ruleset.dir, data, into);
  const seen = new Set<string>();
  for (const c of ruleset.rules) {
    walk(c.tree, (node) => {
      const where = `${node.origin.file}#${node.origin.path.join('.')}`;
      if (seen.has(where)) return;
      seen.add(where);
      if (node.reason !== undefined && !data.known.has(node.reason)) {
        report(node.origin.file, [...node.origin.path, 'reason'], 'unknown-reason-code', `'${node.reason}' is not a reason code in ${REASON_CODES_FILE}`);
        return;
      }
      // An unknown fact is reported as such; it has no code to look up.
      if (node.kind !== 'leaf' || !FACTS.has(node.criterion.fact) || criterionReason(c, node, { data, catalog: ruleset.catalog })) return;
      report(node.origin.file, node.origin.path, 'unmapped-reason', `criterion '${node.id}' (fact ${node.criterion.fact}) stands for no reason code: give the fact a code in ${REASON_CODES_FILE} or the criterion a reason:`, { key: true });
    });
  }
}

/** A fact the table names that no rule can test is a typo. */
function unknownFacts(rulesDir: string, data: ReasonData, into: Diagnostic[]): void {
  const unknown = Object.keys(data.codes.facts).filter((f) => !FACTS.has(f));
  if (unknown.length === 0) return;
  const path = join(reasonsDir(rulesDir), REASON_CODES_FILE);
  const y = readYamlFile(path, displayPath(path));
  for (const f of unknown) into.push({ file: y.file, ...positionOf(y, ['facts', f], { key: true }), code: 'unknown-fact', message: `'${f}' is not a case fact (mtus facts lists them)` });
}
