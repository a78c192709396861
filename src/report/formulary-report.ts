/** `mtus formulary` and the formulary block of `mtus check`: status, deciding policy, fill checks, sections. */
import type { FormularyAnswer } from '../formulary/index.js';
import type { Colors, Reporter } from './reporter.js';

const REVIEW = { required: 'PROSPECTIVE REVIEW REQUIRED', not_required: 'NO PROSPECTIVE REVIEW NEEDED', not_applicable: 'FORMULARY NOT IN FORCE' } as const;
const STATUS = { exempt: 'Exempt', non_exempt: 'Non-Exempt', unlisted: 'Unlisted', compounded: 'compounded drug', not_in_force: 'before the formulary' } as const;
const MARK = { met: '✓', not_met: '✗', not_documented: '?' } as const;

/** The formulary answer as indented text lines. */
export function formularyLines(a: FormularyAnswer, c: Colors, indent = ''): string[] {
  const paint = a.prospective_review === 'required' ? c.red : a.prospective_review === 'not_required' ? c.green : c.yellow;
  const lines = [`${indent}MTUS Drug Formulary (${a.date}): ${paint(REVIEW[a.prospective_review])}; ${a.ingredient ?? a.drug}: ${STATUS[a.status]}`];
  lines.push(`${indent}  Because ${a.because}.`);
  for (const f of a.fills) {
    const name = f.policy === 'special_fill' ? 'Special Fill' : f.policy === 'perioperative_fill' ? 'Perioperative Fill' : 'Physician dispensing';
    const verdict = f.applies === true ? c.green('applies') : f.applies === false ? c.red('does not apply') : c.yellow('cannot be confirmed');
    lines.push(`${indent}  ${name} (${f.section}, up to ${f.days_allowed} days): ${verdict}`);
    for (const k of f.checks) lines.push(`${indent}    ${MARK[k.status]} ${k.text} ${c.dim(`(${k.status === 'not_documented' ? 'not documented' : k.evidence})`)}`);
  }
  for (const cond of a.conditions) lines.push(`${indent}  Provided: ${cond}`);
  lines.push(`${indent}  Cites: ${a.citations.map((x) => `${x.section} ${x.title}${x.verified ? '' : ' (wording not verified)'}`).join('; ')}`);
  const entry = a.list.entry_verified === false ? '; this row not checked against a public copy' : '';
  lines.push(`${indent}  ${c.dim(`Drug list: ${a.list.version}, effective ${a.list.effective}${a.list.complete ? '' : ' (partial)'}${entry}`)}`);
  return lines;
}

export const formularyReporter: Reporter<FormularyAnswer> = {
  json: (a) => a,
  text: (a, c) => formularyLines(a, c).join('\n'),
  markdown(a) {
    const parts = [`## ${a.drug}`, '', `**${REVIEW[a.prospective_review]}** — ${a.ingredient ?? a.drug}: ${STATUS[a.status]} (as of ${a.date})`, '', `Because ${a.because}.`];
    for (const f of a.fills) {
      parts.push('', `- ${f.policy} (${f.section}, up to ${f.days_allowed} days): ${f.applies === true ? 'applies' : f.applies === false ? 'does not apply' : 'cannot be confirmed'}`);
      for (const k of f.checks) parts.push(`  - ${MARK[k.status]} ${k.text} (${k.status === 'not_documented' ? 'not documented' : k.evidence})`);
    }
    for (const cond of a.conditions) parts.push('', `Provided: ${cond}`);
    parts.push('', `Cites: ${a.citations.map((x) => `${x.section} ${x.title}`).join('; ')}`, '', `Drug list: ${a.list.version}, effective ${a.list.effective}${a.list.complete ? '' : ' (partial)'}`);
    return parts.join('\n');
  },
};
