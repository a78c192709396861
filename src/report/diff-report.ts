/** `mtus regress --diff`: what changed between two runs, and how the metrics moved. */
import type { DiffMetrics, RunDiff } from '../regress/diff.js';
import { cell, type Colors, type Reporter } from './reporter.js';

const METRICS: [keyof DiffMetrics, string][] = [
  ['coverage', 'coverage'],
  ['accuracy', 'accuracy'],
  ['balanced_accuracy', 'balanced accuracy'],
  ['overturned_recall', 'overturned recall'],
  ['overturned_precision', 'overturned precision'],
];

const num = (n: number | null) => (n === null ? '-' : n.toFixed(3));

function delta(before: number | null, after: number | null): string {
  if (before === null || after === null) return '-';
  const d = Math.round((after - before) * 10000) / 10000;
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(3)}`;
}

export const diffReporter: Reporter<RunDiff> = {
  json: (d) => d,
  text(d, c) {
    const fixed = d.changes.filter((x) => x.effect === 'fixed').length;
    const broke = d.changes.filter((x) => x.effect === 'broke').length;
    const lines = [
      c.bold(`Ruleset ${d.before} → ${d.after}: ${d.changes.length} of ${d.compared} predictions changed (${fixed} fixed, ${broke} worse)`),
    ];
    if (d.added || d.removed) lines.push(`${d.added} item(s) only in the new run, ${d.removed} only in the old run`);
    lines.push('', `${''.padEnd(22)}${'before'.padStart(8)}${'after'.padStart(8)}${'change'.padStart(9)}`);
    lines.push(`${'items scored'.padEnd(22)}${String(d.metrics.before.items).padStart(8)}${String(d.metrics.after.items).padStart(8)}${String(d.metrics.after.items - d.metrics.before.items).padStart(9)}`);
    for (const [key, label] of METRICS) lines.push(metricLine(label, d.metrics.before[key], d.metrics.after[key], c));
    if (d.changes.length) lines.push('');
    for (const x of d.changes) {
      const mark = x.effect === 'fixed' ? c.green('fixed') : x.effect === 'broke' ? c.red('worse') : c.yellow('changed');
      lines.push(`  ${mark}  ${x.source} #${x.item} ${x.request}: ${x.before} → ${x.after}${x.actual ? ` (IMR: ${x.actual})` : ''}`);
    }
    return lines.join('\n');
  },
  markdown(d) {
    return [
      `## Ruleset \`${d.before}\` → \`${d.after}\`: ${d.changes.length} of ${d.compared} predictions changed`,
      '',
      '| metric | before | after | change |',
      '|---|---:|---:|---:|',
      ...METRICS.map(([key, label]) => `| ${label} | ${num(d.metrics.before[key])} | ${num(d.metrics.after[key])} | ${delta(d.metrics.before[key], d.metrics.after[key])} |`),
      '',
      '| effect | source | item | before | after | IMR |',
      '|---|---|---|---|---|---|',
      ...d.changes.map((x) => `| ${x.effect === 'broke' ? 'worse' : x.effect} | ${cell(x.source)} | ${x.item}. ${cell(x.request)} | ${x.before} | ${x.after} | ${x.actual ?? ''} |`),
    ].join('\n');
  },
};

function metricLine(label: string, before: number | null, after: number | null, c: Colors): string {
  const d = delta(before, after);
  const paint = d.startsWith('+') ? c.green : d.startsWith('−') ? c.red : (s: string) => s;
  return `${label.padEnd(22)}${num(before).padStart(8)}${num(after).padStart(8)}${paint(d.padStart(9))}`;
}
