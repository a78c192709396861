/** `mtus regress`: predictions against historical IMR decisions, beside the always-upheld baseline. */
import type { RegressReport } from '../regress/metrics.js';
import { cell, type Colors, type Reporter } from './reporter.js';

const num = (n: number | null) => (n === null ? '-' : n.toFixed(3));
const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);

export const regressReporter: Reporter<RegressReport> = {
  json: (r) => r,
  text(r, c) {
    const lines: string[] = [];
    lines.push(c.bold(`Regression: ${r.items} items with a recorded IMR outcome (ruleset ${r.revision || '-'})`));
    if (r.unscored) lines.push(`${r.unscored} more item(s) without a recorded outcome were predicted but not scored.`);
    if (r.duplicates.length) lines.push(`${r.duplicates.length} input(s) repeated a case already read and were counted once.`);
    lines.push(`Coverage: ${r.covered}/${r.items} items have an applicable rule (${pct(r.covered, r.items)})`);
    lines.push(...noRuleLines(r), '');
    lines.push(...confusionTable(r));
    lines.push('', ...metricsTable(r, c));
    if (r.rules.length) {
      lines.push('', c.bold('Per rule'), `  ${'rule'.padEnd(44)} items  agree`);
      for (const x of r.rules) lines.push(`  ${x.rule.padEnd(44)} ${String(x.items).padStart(5)}  ${String(x.agree).padStart(5)}  ${pct(x.agree, x.items)}`);
    }
    lines.push(...reasonLines(r, c));
    const cut = r.mismatch_count > r.mismatches.length ? `, the first ${r.mismatches.length} shown (--json lists all)` : '';
    lines.push('', c.bold(`Mismatches (${r.mismatch_count}${cut})`));
    for (const m of r.mismatches) {
      lines.push(`  ${m.source} #${m.item} ${m.request}`);
      lines.push(`    actual ${m.actual}, predicted ${c.red(m.predicted)}${m.rule ? ` by ${m.rule}` : ''}`);
      if (m.criteria.length) lines.push(`    ${c.dim(m.criteria.join('; '))}`);
    }
    if (r.pinned_failures.length) {
      lines.push('', c.red(c.bold(`Pinned predictions that changed (${r.pinned_failures.length})`)));
      for (const m of r.pinned_failures) lines.push(`  ${m.source} #${m.item} ${m.request}: expected ${m.actual}, predicted ${m.predicted}`);
    }
    return lines.join('\n');
  },
  markdown(r) {
    const out = [
      `## Regression: ${r.items} items (ruleset \`${r.revision}\`)`,
      '',
      `Coverage: ${r.covered}/${r.items} (${pct(r.covered, r.items)}).`,
      ...noRuleLines(r).map((l) => l.replace(/^ {2}/, '- ')),
      '',
      '| actual \\ predicted | upheld | overturned | no_rule | always upheld |',
      '|---|---:|---:|---:|---:|',
      `| upheld | ${r.confusion.upheld.upheld} | ${r.confusion.upheld.overturned} | ${r.confusion.upheld.no_rule} | ${r.actual.upheld} |`,
      `| overturned | ${r.confusion.overturned.upheld} | ${r.confusion.overturned.overturned} | ${r.confusion.overturned.no_rule} | 0 |`,
      '',
      '| metric | mtus | always upheld |',
      '|---|---:|---:|',
      `| accuracy | ${num(r.accuracy)} | ${num(r.baseline.accuracy)} |`,
      `| balanced accuracy | ${num(r.balanced_accuracy)} | ${num(r.baseline.balanced_accuracy)} |`,
      `| overturned recall | ${num(r.overturned_recall)} | 0.000 |`,
      `| overturned precision | ${num(r.overturned_precision)} | - |`,
      `| citation agreement | ${num(r.citation_agreement)} | |`,
    ];
    if (r.rules.length) {
      out.push('', '| rule | items | agree |', '|---|---:|---:|', ...r.rules.map((x) => `| \`${x.rule}\` | ${x.items} | ${x.agree} |`));
    }
    out.push(...reasonMarkdown(r));
    if (r.mismatches.length) {
      out.push('', '### Mismatches', '', '| source | item | actual | predicted | rule | criteria |', '|---|---|---|---|---|---|');
      for (const m of r.mismatches) out.push(`| ${cell(m.source)} | ${cell(m.request)} | ${m.actual} | ${m.predicted} | ${cell(m.rule)} | ${cell(m.criteria.join('; '))} |`);
    }
    return out.join('\n');
  },
};

/** Why items got no rule, and the request texts that could not be read. */
function noRuleLines(r: RegressReport): string[] {
  const reasons = Object.entries(r.no_rule_reasons ?? {});
  if (reasons.length === 0) return [];
  const lines = [`No rule: ${reasons.map(([k, n]) => `${k} ${n}`).join(', ')}`];
  for (const t of r.unrecognised_requests ?? []) lines.push(`  unrecognised request: "${t}"`);
  return lines;
}

function confusionTable(r: RegressReport): string[] {
  const row = (label: string, v: Record<string, number>, base: number) =>
    `${label.padEnd(14)}${String(v.upheld).padStart(8)}${String(v.overturned).padStart(12)}${String(v.no_rule).padStart(9)}   |${String(base).padStart(14)}`;
  return [
    `${''.padEnd(14)}${'predicted'.padStart(8)}${''.padStart(21)}   | always upheld`,
    `${'actual'.padEnd(14)}${'upheld'.padStart(8)}${'overturned'.padStart(12)}${'no_rule'.padStart(9)}   |${'upheld'.padStart(14)}`,
    row('upheld', r.confusion.upheld, r.actual.upheld),
    row('overturned', r.confusion.overturned, 0),
  ];
}

function metricsTable(r: RegressReport, c: Colors): string[] {
  const row = (label: string, ours: number | null, base: number | null) => `${label.padEnd(22)}${num(ours).padStart(8)}${(base === null ? '' : num(base)).padStart(16)}`;
  return [
    `${''.padEnd(22)}${'mtus'.padStart(8)}${'always upheld'.padStart(16)}`,
    row('accuracy', r.accuracy, r.baseline.accuracy),
    c.bold(row('balanced accuracy', r.balanced_accuracy, r.baseline.balanced_accuracy)),
    row('overturned recall', r.overturned_recall, 0),
    row('overturned precision', r.overturned_precision, null),
    row('citation agreement', r.citation_agreement, null),
  ];
}

/** Reason agreement: the decisive criteria's reason codes beside the reviewer's (src/regress/reason-agreement.ts). */
function reasonLines(r: RegressReport, c: Colors): string[] {
  if (r.reason_agreement === null) return [];
  const agreed = Math.round(r.reason_agreement * r.reason_compared);
  const lines = [
    '',
    c.bold(`Reason agreement: ${num(r.reason_agreement)} (${agreed}/${r.reason_compared} items a rule decided whose rationale gives a reason; first criterion only: ${num(r.reason_agreement_first)})`),
    `  ${'rule'.padEnd(44)} items  agree`,
    ...r.reason_rules.map((x) => `  ${x.rule.padEnd(44)} ${String(x.items).padStart(5)}  ${String(x.agree).padStart(5)}  ${pct(x.agree, x.items)}`),
    '',
    c.bold(`Right for the wrong reason (${r.right_for_wrong_reason.length})`),
  ];
  for (const w of r.right_for_wrong_reason) {
    lines.push(`  ${w.source} #${w.item} ${w.request}`, `    ${w.rule ?? '-'}: ${w.criteria.join(', ') || '-'}; reviewer: ${w.reviewer.join(', ')}`);
  }
  return lines;
}

function reasonMarkdown(r: RegressReport): string[] {
  if (r.reason_agreement === null) return [];
  const out = [
    '',
    `Reason agreement: ${num(r.reason_agreement)} over ${r.reason_compared} items (first criterion only: ${num(r.reason_agreement_first)}).`,
    '',
    '| rule | items | reason agrees |',
    '|---|---:|---:|',
    ...r.reason_rules.map((x) => `| \`${x.rule}\` | ${x.items} | ${x.agree} |`),
  ];
  if (r.right_for_wrong_reason.length) {
    out.push('', '### Right for the wrong reason', '', '| source | item | rule | criteria | reviewer |', '|---|---|---|---|---|');
    for (const w of r.right_for_wrong_reason) out.push(`| ${cell(w.source)} | ${cell(w.request)} | ${cell(w.rule)} | ${cell(w.criteria.join(', '))} | ${cell(w.reviewer.join(', '))} |`);
  }
  return out;
}
