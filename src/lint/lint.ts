/**
 * `mtus lint`: every problem in a ruleset, located and coded, sorted: what loading finds (YAML,
 * schema, facts, operators, catalog ids), then the checks only a whole ruleset can answer.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, enclosingRuleset, splitRulePaths } from '../ruleset/files.js';
import { BUNDLED_RULES_DIR, loadRulesetCollecting } from '../ruleset/load-ruleset.js';
import { checkCitations } from './check-citations.js';
import { checkCriteria } from './check-criteria.js';
import { checkDocuments } from './check-documents.js';
import { checkFormulary } from './check-formulary.js';
import { checkEditions } from './check-editions.js';
import { checkExamples } from './check-examples.js';
import { checkIdentity } from './check-identity.js';
import { checkPrecedence } from './check-precedence.js';
import { checkTodos } from './check-todos.js';
import { checkReasons } from './check-reasons.js';
import { reporter } from './locate.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  rules: number;
  errors: number;
  warnings: number;
}

/**
 * Lints ruleset directories, or rule files judged against a ruleset: `base` when given, else the
 * ruleset each file lies in, else the bundled rules. A file inside its ruleset is judged as the
 * member it is (not as a second copy of itself).
 */
export async function lint(paths: readonly string[], base?: string): Promise<LintResult> {
  const { roots, files } = splitRulePaths(paths);
  const diagnostics: Diagnostic[] = [];
  let rules = 0;
  const targets = roots.map((r) => ({ dir: r, extra: [] as string[] }));
  const byRuleset = new Map<string, string[]>();
  for (const f of files) {
    const dir = base ?? enclosingRuleset(f) ?? BUNDLED_RULES_DIR;
    byRuleset.set(dir, [...(byRuleset.get(dir) ?? []), f]);
  }
  for (const [dir, extra] of byRuleset) targets.push({ dir, extra });
  if (targets.length === 0) targets.push({ dir: base ?? BUNDLED_RULES_DIR, extra: [] });
  for (const t of targets) {
    const { ruleset, diagnostics: found } = loadRulesetCollecting(t.dir, t.extra);
    const loadedWhole = !found.some((d) => d.severity !== 'warning');
    const report = reporter(ruleset, found);
    checkIdentity(ruleset, report);
    checkPrecedence(ruleset, report);
    checkCitations(ruleset, report);
    checkEditions(ruleset, report);
    checkDocuments(ruleset, report);
    checkFormulary(ruleset, report, found);
    checkCriteria(ruleset, report, loadedWhole);
    checkTodos(ruleset, report);
    checkReasons(ruleset, report, found);
    // Linting given files: report on those files (and run their examples), not on the ruleset they are judged against.
    const shown = t.extra.length > 0 ? new Set(t.extra.map(displayPath)) : undefined;
    // Examples of a file with errors are not run (their failures would echo them); a missing
    // `missing:` text changes no outcome, so it does not stop them.
    const withErrors = new Set(found.filter((d) => d.severity !== 'warning' && d.code !== 'missing-missing').map((d) => d.file));
    await checkExamples(ruleset, report, withErrors, shown);
    rules += t.extra.length > 0 ? t.extra.length : ruleset.rules.length;
    diagnostics.push(...(shown ? found.filter((d) => shown.has(d.file)) : found));
  }
  const unique = dedupe(diagnostics).sort(compareDiagnostics);
  const warnings = unique.filter((d) => d.severity === 'warning').length;
  return { diagnostics: unique, rules, errors: unique.length - warnings, warnings };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
