/** `mtus test`: example results, and criterion coverage when asked. */
import type { TestRun } from '../testing/run-tests.js';
import { describeExample } from '../testing/run-tests.js';
import { cell, type Reporter } from './reporter.js';

const STATUS_WORD = { met: 'met', not_met: 'not met', unknown: 'not documented' } as const;

export const testReporter: Reporter<TestRun & { verbose?: boolean }> = {
  json: (r) => ({
    passed: r.passed,
    failed: r.failed,
    examples: r.results.map((x) => ({ file: x.file, line: x.line, column: x.column, rule: x.rule.rule.id, example: x.example.name, edition: x.edition ?? null, passed: x.passed, failures: x.failures })),
    ...(r.coverage ? { coverage: { percent: r.coverage.percent, cases: r.cases, criteria: r.coverage.criteria } } : {}),
  }),
  text(r, c) {
    const lines: string[] = [];
    for (const x of r.results) {
      if (x.passed && !r.verbose) continue;
      lines.push(`${x.passed ? c.green('PASS') : c.red('FAIL')} ${describeExample(x)}`);
      for (const f of x.failures) lines.push(`     ${f}`);
    }
    lines.push(`${r.failed === 0 ? c.green('PASS') : c.red('FAIL')}: ${r.passed}/${r.results.length} examples`);
    if (r.coverage) {
      const cov = r.coverage;
      lines.push(`Coverage: ${cov.percent}% of criterion outcomes reached (${cov.reachedPairs}/${cov.possiblePairs}) by examples and ${r.cases} case(s)`);
      for (const k of cov.criteria.filter((x) => x.missing.length > 0)) {
        lines.push(`  ${k.file}:${k.line}:${k.column}: ${k.id}: never ${k.missing.map((s) => STATUS_WORD[s]).join(', never ')}`);
      }
    }
    return lines.join('\n');
  },
  markdown(r) {
    const out = [`**${r.passed}/${r.results.length} examples pass.**`];
    const failed = r.results.filter((x) => !x.passed);
    if (failed.length) out.push('', '| example | failures |', '|---|---|', ...failed.map((x) => `| ${cell(describeExample(x))} | ${cell(x.failures.join('; '))} |`));
    if (r.coverage) {
      out.push('', `Criterion coverage: **${r.coverage.percent}%** (${r.coverage.reachedPairs}/${r.coverage.possiblePairs}).`);
      const gaps = r.coverage.criteria.filter((x) => x.missing.length > 0);
      if (gaps.length) out.push('', '| criterion | location | never |', '|---|---|---|', ...gaps.map((k) => `| ${k.id} | ${cell(`${k.file}:${k.line}`)} | ${k.missing.map((s) => STATUS_WORD[s]).join(', ')} |`));
    }
    return out.join('\n');
  },
};
