/** `mtus check`: a case's predictions, criterion by criterion. */
import type { ItemExplanation } from '../predict/explain.js';
import type { CaseResult } from '../predict/evaluate-case.js';
import { shortCaseText } from './check-short.js';
import { cell, type Colors, type Reporter } from './reporter.js';
import { formularyLines } from './formulary-report.js';
import { phaseLines } from './phase-lines.js';
import pc from 'picocolors';

const MARK = { met: '✓', not_met: '✗', unknown: '?', not_applicable: '–' } as const;
const VERDICT = { upheld: 'UPHELD (not medically necessary)', overturned: 'OVERTURNED (medically necessary)', no_rule: 'NO RULE (no prediction)' } as const;

/** The JSON contract of `mtus check --json`: exactly these fields, with everything the explanation holds. */
export function checkJson(r: CaseResult) {
  return {
    case: r.case,
    items: r.items.map(({ explanation: e, prediction, summary }) => ({
      item: prediction.number,
      request: e.request,
      treatment: e.treatment,
      prediction: e.prediction,
      no_rule: e.noRule ? { reason: e.noRule.reason, detail: e.noRule.detail } : null,
      rule: e.rule,
      citation: e.citation,
      as_of: e.asOf,
      // In tree order: `depth` nests each criterion under the nearest shallower one before it.
      criteria: e.criteria.map((c) => ({
        id: c.id,
        text: c.text,
        status: c.status,
        depth: c.depth,
        rule: c.rule,
        evidence: c.evidence ?? null,
        ...(c.note ? { note: c.note } : {}),
        ...(c.ingredient ? { ingredient: c.ingredient } : {}),
        ...(c.presumed ? { presumed: c.presumed } : {}),
      })),
      ...(e.ingredients ? { ingredients: e.ingredients } : {}),
      missing: e.missing,
      presumptions: e.presumptions,
      phase_of_care: e.phase,
      rationale: e.rationale,
      summary,
      ...(e.actual ? { actual: e.actual } : {}),
      ...(e.formulary ? { formulary: e.formulary } : {}),
    })),
  };
}

/** Every criterion, its evidence and the rationale: `mtus check --verbose`. */
export const checkVerboseReporter: Reporter<CaseResult> = {
  json: checkJson,
  text(r, c) {
    const head = `${c.bold(r.case)}: ${r.items.length} item${r.items.length === 1 ? '' : 's'} (ruleset ${r.revision})`;
    return [head, ...r.items.map(({ explanation, prediction }) => itemText(explanation, prediction.number, c))].join('\n\n');
  },
  markdown(r) {
    const parts = [`## ${r.case}`, '', `Ruleset revision \`${r.revision}\`.`];
    for (const { explanation: e, prediction } of r.items) {
      parts.push('', `### ${prediction.number}. ${e.request}`, '', `**Prediction:** ${VERDICT[e.prediction]}${e.actual ? ` — actual: ${e.actual}` : ''}`);
      if (e.noRule) parts.push('', `**No rule:** ${e.noRule.reason} — ${cell(e.noRule.detail)}`);
      if (e.rule) parts.push('', `**Rule:** \`${e.rule}\` — ${e.citation}`);
      if (e.criteria.length) {
        parts.push('', '| | criterion | evidence |', '|---|---|---|');
        for (const k of e.criteria) parts.push(`| ${MARK[k.status]} | ${cell(`${'  '.repeat(k.depth)}${k.text}`)} | ${cell(k.note ?? k.evidence)} |`);
      }
      for (const p of e.presumptions) parts.push('', `**Presumed** (\`${p.id}\`): ${p.statement} — ${p.citation}`);
      if (e.missing.length) parts.push('', `**To document:** ${e.missing.join('; ')}`);
      if (e.formulary) parts.push('', '```', ...formularyLines(e.formulary, NO_COLOR), '```');
      parts.push('', `> ${e.rationale}`);
    }
    return parts.join('\n');
  },
};

/** The short answer per item: the default for people. */
export const checkReporter: Reporter<CaseResult> = { ...checkVerboseReporter, text: shortCaseText };

const NO_COLOR = pc.createColors(false);

function itemText(e: ItemExplanation, number: number, c: Colors): string {
  const paint = e.prediction === 'overturned' ? c.green : e.prediction === 'upheld' ? c.red : c.yellow;
  const lines = [`${number}. ${c.bold(e.request)}`];
  const actual = e.actual ? `   actual: ${e.actual} ${e.actual === e.prediction ? c.green('(agrees)') : c.red('(differs)')}` : '';
  lines.push(`   Prediction: ${paint(VERDICT[e.prediction])}${actual}`);
  if (e.rule) lines.push(`   Rule: ${e.rule}: ${e.citation}`);
  if (e.noRule) lines.push(`   No rule: ${e.noRule.reason} (${e.noRule.detail})`);
  lines.push(`   Treatment: ${e.treatment ?? 'not recognised'}; judged as of ${e.asOf.date} (${e.asOf.from})`);
  if (e.ingredients) {
    lines.push(`   Ingredients: ${e.ingredients.map((v) => `${v.ingredient} (${v.prediction === 'upheld' ? 'not recommended' : v.prediction === 'overturned' ? 'recommended' : 'no rule'})`).join(', ')}`);
  }
  for (const k of e.criteria) {
    const mark = k.status === 'met' ? c.green(MARK.met) : k.status === 'not_met' ? c.red(MARK.not_met) : k.status === 'unknown' ? c.yellow(MARK.unknown) : c.dim(MARK.not_applicable);
    const who = k.ingredient ? c.dim(` [${k.ingredient}]`) : '';
    lines.push(`   ${'  '.repeat(k.depth)}${mark} ${k.text}${who} ${c.dim(`(${k.id})`)}`);
    if (k.note) lines.push(`   ${'  '.repeat(k.depth)}    ${c.dim(k.note)}`);
    else if (k.evidence) lines.push(`   ${'  '.repeat(k.depth)}    ${c.dim(k.evidence)}`);
    if (k.presumed && k.status !== 'not_applicable') lines.push(`   ${'  '.repeat(k.depth)}    ${c.dim(`presumed: ${k.presumed.join(', ')}`)}`);
  }
  lines.push(...phaseLines(e));
  for (const p of e.presumptions) lines.push(`   Presumed (${p.id}): ${p.statement} [${p.citation}]`);
  if (e.missing.length) lines.push(`   To pass, document: ${e.missing.join('; ')}`);
  if (e.formulary) lines.push(...formularyLines(e.formulary, c, '   '));
  lines.push(`   Rationale: ${e.rationale}`);
  return lines.join('\n');
}
