/** Every rule carries at least two examples, and every example passes. */
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { runAllExamples } from '../testing/run-examples.js';
import type { Report } from './locate.js';

/** Examples of a rule whose file already has errors are not run: their failures would only echo those. */
export async function checkExamples(ruleset: Ruleset, report: Report, filesWithErrors: ReadonlySet<string>): Promise<void> {
  for (const c of ruleset.rules) {
    if (c.rule.examples.length < 2) report(c.file, ['examples'], 'too-few-examples', `${c.rule.examples.length} example(s): give at least one that is met and one that is not`, { key: true });
  }
  const runnable = ruleset.rules.filter((c) => !filesWithErrors.has(c.file));
  for (const r of await runAllExamples(ruleset, runnable)) {
    if (r.passed) continue;
    const edition = r.edition ? ` [${r.edition} edition]` : '';
    report(r.rule.file, ['examples', r.index], 'example-failed', `example "${r.example.name}"${edition}: ${r.failures.join('; ')}`);
  }
}
