/**
 * `mtus lint`: every problem in a ruleset, located and coded, sorted: what loading finds (YAML,
 * schema, facts, operators, catalog ids), then the checks only a whole ruleset can answer.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath, splitRulePaths } from '../ruleset/files.js';
import { BUNDLED_RULES_DIR, loadRulesetCollecting } from '../ruleset/load-ruleset.js';
import { checkCitations } from './check-citations.js';
import { checkCriteria } from './check-criteria.js';
import { checkDocuments } from './check-documents.js';
import { checkFormulary } from './check-formulary.js';
import { checkEditions } from './check-editions.js';
import { checkExamples } from './check-examples.js';
import { checkIdentity } from './check-identity.js';
import { checkPrecedence } from './check-precedence.js';
import { checkReasons } from './check-reasons.js';
import { reporter } from './locate.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  rules: number;
  errors: number;
  warnings: number;
}

export async function lint(paths: readonly string[], base: string = BUNDLED_RULES_DIR): Promise<LintResult> {
  const { roots, files: extra } = splitRulePaths(paths);
  const diagnostics: Diagnostic[] = [];
  let rules = 0;
  const targets = roots.length > 0 ? roots.map((r) => ({ dir: r, extra: [] as string[] })) : [];
  if (extra.length > 0 || targets.length === 0) targets.push({ dir: base, extra });
  for (const t of targets) {
    const { ruleset, diagnostics: found } = loadRulesetCollecting(t.dir, t.extra);
    const report = reporter(ruleset, found);
    checkIdentity(ruleset, report);
    checkPrecedence(ruleset, report);
    checkCitations(ruleset, report);
    checkEditions(ruleset, report);
    checkDocuments(ruleset, report);
    checkFormulary(ruleset, report, found);
    checkCriteria(ruleset, report);
    checkReasons(ruleset, report, found);
    await checkExamples(ruleset, report, new Set(found.filter((d) => d.severity !== 'warning').map((d) => d.file)));
    rules += t.extra.length > 0 ? t.extra.length : ruleset.rules.length;
    // Linting given files: report on those files, not on the ruleset they are judged against.
    const shown = new Set(ruleset.rules.filter((c) => t.extra.some((e) => c.file === displayPath(e))).map((c) => c.file));
    for (const e of t.extra) shown.add(displayPath(e));
    diagnostics.push(...(t.extra.length > 0 ? found.filter((d) => shown.has(d.file)) : found));
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
