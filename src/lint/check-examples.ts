/** Every rule carries at least two examples, and every example passes. */
import { walk } from '../ruleset/rule-semantics.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { runAllExamples } from '../testing/run-examples.js';
import type { Report } from './locate.js';

/**
 * Examples of a rule with errors in its file, or in a shared criterion it uses, are not run: their
 * failures would only echo those errors (and an unknown operator cannot be evaluated at all).
 */
export async function checkExamples(ruleset: Ruleset, report: Report, filesWithErrors: ReadonlySet<string>, only?: ReadonlySet<string>): Promise<void> {
  const rules = only ? ruleset.rules.filter((c) => only.has(c.file)) : ruleset.rules;
  for (const c of rules) {
    if (c.rule.examples.length < 2) report(c.file, ['examples'], 'too-few-examples', `${c.rule.examples.length} example(s): give at least one that is met and one that is not`, { key: true });
  }
  const runnable = rules.filter((c) => {
    let broken = filesWithErrors.has(c.file);
    walk(c.tree, (node) => (broken ||= filesWithErrors.has(node.origin.file)));
    return !broken;
  });
  for (const r of await runAllExamples(ruleset, runnable)) {
    if (r.passed) continue;
    const edition = r.edition ? ` [${r.edition} edition]` : '';
    report(r.rule.file, ['examples', r.index], 'example-failed', `example "${r.example.name}"${edition}: ${r.failures.join('; ')}`);
  }
}
