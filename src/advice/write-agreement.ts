/**
 * `npm run agreement`: runs the bundled ruleset over the bundled cases and writes the per-rule
 * agreement (with the run's confusion matrix) to rules/agreement.json, the confidence `mtus check`
 * shows when no regress run of its own is recorded. Commit the file after changing rules or cases.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../cli/write-file.js';
import { runRegress } from '../regress/run-regress.js';
import { loadRuleset } from '../ruleset/load-ruleset.js';
import { agreementFileFrom, agreementFileOf } from './agreement.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ruleset = loadRuleset();
const inputs = ['cases'];
const { report, problems } = await runRegress(ruleset, inputs.map((p) => join(root, p)), { workers: 1, keepPredictions: false });
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}:${p.column}: ${p.code}: ${p.message}\n`);
  process.exit(2);
}
const file = agreementFileFrom(report, inputs);
const out = agreementFileOf(ruleset.dir);
writeFileAtomic(out, `${JSON.stringify(file, null, 2)}\n`);
process.stdout.write(`${out}: ${file.rules.length} rules over ${file.items} items (revision ${file.revision})\n`);
