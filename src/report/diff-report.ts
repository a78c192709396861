/** `mtus regress --diff`: what changed between two runs. */
import type { RunDiff } from '../regress/diff.js';
import { cell, type Reporter } from './reporter.js';

export const diffReporter: Reporter<RunDiff> = {
  json: (d) => d,
  text(d, c) {
    const fixed = d.changes.filter((x) => x.effect === 'fixed').length;
    const broke = d.changes.filter((x) => x.effect === 'broke').length;
    const lines = [
      c.bold(`Ruleset ${d.before} → ${d.after}: ${d.changes.length} of ${d.compared} predictions changed (${fixed} fixed, ${broke} broke)`),
    ];
    if (d.added || d.removed) lines.push(`${d.added} item(s) only in the new run, ${d.removed} only in the old run`);
    for (const x of d.changes) {
      const mark = x.effect === 'fixed' ? c.green('fixed') : x.effect === 'broke' ? c.red('broke') : c.yellow('changed');
      lines.push(`  ${mark}  ${x.source} #${x.item} ${x.request}: ${x.before} → ${x.after}${x.actual ? ` (IMR: ${x.actual})` : ''}`);
    }
    return lines.join('\n');
  },
  markdown(d) {
    return [
      `## Ruleset \`${d.before}\` → \`${d.after}\`: ${d.changes.length} of ${d.compared} predictions changed`,
      '',
      '| effect | source | item | before | after | IMR |',
      '|---|---|---|---|---|---|',
      ...d.changes.map((x) => `| ${x.effect} | ${cell(x.source)} | ${cell(x.request)} | ${x.before} | ${x.after} | ${x.actual ?? ''} |`),
    ].join('\n');
  },
};
