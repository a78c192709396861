/** `mtus lint`: one located, coded problem per line, sorted, then a count. */
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { LintResult } from '../lint/lint.js';
import { cell, type Reporter } from './reporter.js';

export const lintReporter: Reporter<LintResult> = {
  json: (r) => ({ errors: r.errors, warnings: r.warnings, rules: r.rules, problems: r.diagnostics }),
  text(r, c) {
    const lines = r.diagnostics.map((d) => (d.severity === 'warning' ? c.yellow(formatDiagnostic(d)) : formatDiagnostic(d)));
    lines.push(r.diagnostics.length === 0
      ? c.green(`no problems in ${r.rules} rule(s)`)
      : `${r.errors} error(s), ${r.warnings} warning(s) in ${r.rules} rule(s)`);
    return lines.join('\n');
  },
  markdown(r) {
    if (r.diagnostics.length === 0) return `No problems in ${r.rules} rule(s).`;
    return [
      `${r.errors} error(s), ${r.warnings} warning(s) in ${r.rules} rule(s).`,
      '',
      '| file | line | column | code | message |',
      '|---|---:|---:|---|---|',
      ...r.diagnostics.map((d) => `| ${cell(d.file)} | ${d.line} | ${d.column} | ${d.code} | ${cell(d.message)} |`),
    ].join('\n');
  },
};
