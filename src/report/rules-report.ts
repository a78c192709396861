/** `mtus rules` and `mtus facts`: the ruleset and the fact vocabulary as tables. */
import type { CompiledRule } from '../engine/compiled-rule.js';
import type { FactDefinition } from '../facts/fact-types.js';
import { formatCitation } from '../predict/citation.js';
import { editionsOf } from '../ruleset/editions.js';
import type { LastRun } from '../regress/last-run.js';
import { cell, type Reporter } from './reporter.js';

export interface RuleRow {
  id: string;
  applies_to: string;
  recommendation: string;
  editions: { citation: string; from: string; to: string | null; verified: boolean }[];
  examples: number;
  /** from the last `mtus regress` run with the same ruleset revision, when there is one */
  agreement: { items: number; agree: number } | null;
}

export interface RulesTable {
  revision: string;
  lastRun: { revision: string; date: string; current: boolean } | null;
  rules: RuleRow[];
}

export function rulesTable(rules: readonly CompiledRule[], revision: string, last: LastRun | undefined): RulesTable {
  const agreement = new Map((last?.rules ?? []).map((r) => [r.rule, r]));
  return {
    revision,
    lastRun: last ? { revision: last.revision, date: last.date, current: last.revision === revision } : null,
    rules: rules.map((c) => {
      const a = c.rule.applies_to;
      const what = [...(a.treatments ?? []), ...(a.classes ?? []).map((k) => `${k} (class)`)].join(', ');
      const where = [a.routes?.join('/'), a.regions?.join('/')].filter(Boolean).join('; ');
      const agreed = agreement.get(c.rule.id);
      return {
        id: c.rule.id,
        applies_to: where ? `${what} [${where}]` : what,
        recommendation: c.rule.recommendation,
        editions: editionsOf(c.rule).map((e) => ({ citation: formatCitation(e.source), from: e.effective.from, to: e.effective.to ?? null, verified: e.source.verified !== false })),
        examples: c.rule.examples.length,
        agreement: agreed ? { items: agreed.items, agree: agreed.agree } : null,
      };
    }),
  };
}

const span = (e: RuleRow['editions'][number]) => `${e.from}..${e.to ?? ''}`;
const agreementText = (r: RuleRow) => (r.agreement ? `${r.agreement.agree}/${r.agreement.items}` : '-');

export const rulesReporter: Reporter<RulesTable> = {
  json: (t) => t,
  text(t, c) {
    const lines = [c.bold(`${t.rules.length} rules (revision ${t.revision})`)];
    if (t.lastRun) lines.push(`agreement from the regress run of ${t.lastRun.date}${t.lastRun.current ? '' : ` (an older revision, ${t.lastRun.revision})`}`);
    else lines.push('no regress run recorded: run `mtus regress` for historical agreement');
    for (const r of t.rules) {
      lines.push('', `${c.bold(r.id)}  ${c.dim(r.recommendation)}  examples ${r.examples}  agreement ${agreementText(r)}`, `  applies to: ${r.applies_to}`);
      for (const e of r.editions) lines.push(`  ${span(e).padEnd(22)} ${e.citation}${e.verified ? '' : c.dim(' (unverified)')}`);
    }
    return lines.join('\n');
  },
  markdown(t) {
    return [
      `${t.rules.length} rules (revision \`${t.revision}\`).`,
      '',
      '| rule | applies to | citation | effective | examples | agreement |',
      '|---|---|---|---|---:|---:|',
      ...t.rules.map((r) => `| \`${r.id}\` | ${cell(r.applies_to)} | ${cell(r.editions.map((e) => e.citation).join('<br>'))} | ${r.editions.map(span).join('<br>')} | ${r.examples} | ${agreementText(r)} |`),
    ].join('\n');
  },
};

export const factsReporter: Reporter<FactDefinition[]> = {
  json: (facts) => facts.map((f) => ({ name: f.name, type: f.type, params: f.params ?? {}, description: f.description })),
  text(facts, c) {
    return facts
      .map((f) => {
        const params = f.params ? `{${Object.entries(f.params).map(([k, v]) => `${k}: ${v}`).join(', ')}}` : '';
        return `${c.bold(f.name)}${params} ${c.dim(f.type)}\n  ${f.description}`;
      })
      .join('\n');
  },
  markdown(facts) {
    return ['| fact | type | parameters | meaning |', '|---|---|---|---|', ...facts.map((f) => `| \`${f.name}\` | ${f.type} | ${cell(Object.entries(f.params ?? {}).map(([k, v]) => `${k}: ${v}`).join(', '))} | ${cell(f.description)} |`)].join('\n');
  },
};
