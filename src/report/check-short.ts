/**
 * The short form of `mtus check`, the default for people: per item the prediction, the deciding
 * criterion with its citation, the confidence, and what to document. The full criterion tree is
 * `--verbose`; JSON always carries everything.
 */
import { confidenceText } from '../advice/agreement.js';
import type { Change } from '../advice/changes.js';
import type { Requirement } from '../advice/plan.js';
import type { ItemSummary } from '../advice/summary.js';
import type { ItemExplanation } from '../predict/explain.js';
import type { CaseResult } from '../predict/evaluate-case.js';
import { formularyLines } from './formulary-report.js';
import { phaseLines } from './phase-lines.js';
import type { Colors } from './reporter.js';

const VERDICT = { upheld: 'UPHELD (not medically necessary)', overturned: 'OVERTURNED (medically necessary)', no_rule: 'NO RULE (no prediction)' } as const;
const STATUS = { met: 'met', not_met: 'not met', unknown: 'not documented' } as const;
/** An item's lines at most: what to document and the notes share what the head leaves. */
export const ITEM_LINES = 15;
/** bullets shown however many notes there are */
const MIN_BULLETS = 2;

export function shortCaseText(r: CaseResult, c: Colors): string {
  const head = `${c.bold(r.case)}: ${r.items.length} item${r.items.length === 1 ? '' : 's'} (ruleset ${r.revision})`;
  const items = r.items.map(({ explanation, prediction, summary }) => shortItemText(explanation, summary, prediction.number, c));
  return [head, ...items, c.dim('(--verbose for every criterion and the rationale)')].join('\n\n');
}

export function shortItemText(e: ItemExplanation, s: ItemSummary, number: number, c: Colors): string {
  const paint = e.prediction === 'overturned' ? c.green : e.prediction === 'upheld' ? c.red : c.yellow;
  const actual = e.actual ? `   actual: ${e.actual} ${e.actual === e.prediction ? c.green('(agrees)') : c.red('(differs)')}` : '';
  const lines = [`${number}. ${c.bold(e.request)}`, `   ${paint(VERDICT[e.prediction])}${actual}`];
  lines.push(`   Judged: ${e.treatment ?? 'treatment not recognised'}, as of ${e.asOf.date} (${e.asOf.from})`);
  // Notes an answer must carry: the guideline set aside for the phase of care, the presumptions
  // it rests on, and the formulary's verdict with its reason (the rest of each in --verbose).
  const notes = [
    ...phaseLines(e),
    ...e.presumptions.map((p) => `   Presumed (${p.id}): ${p.statement} [${p.citation}]`),
    ...(e.formulary ? formularyLines(e.formulary, c, '   ').slice(0, 2) : []),
  ];
  if (!s.decisive) {
    if (e.noRule) lines.push(`   No rule: ${e.noRule.reason} (${e.noRule.detail})`);
    lines.push(`   ${e.rationale}`);
    return [...lines, ...withinBudget(notes, ITEM_LINES - lines.length)].join('\n');
  }
  const context = s.decisive.context ? ` (under: ${trim(s.decisive.context)})` : '';
  lines.push(`   Decisive: ${s.decisive.text}${context} [${STATUS[s.decisive.status]}]`, `     ${c.dim(s.decisive.citation)}`);
  lines.push(`   Confidence: ${confidenceText(s.confidence, s.decisive.rule)}`);
  if (e.prediction === 'overturned') lines.push('   Every criterion that applies is documented as met.');
  else if (s.can_change === false) lines.push('   Nothing documented or changed in the request would turn this: the criterion above cannot be met for it.');
  else if (s.to_document) {
    // The budget: what to document keeps its heading and at least MIN_BULLETS lines; the notes
    // get what is left of that, and what to document gets what the notes leave.
    const parts = partsOf(s.to_document).length;
    const shown = withinBudget(notes, ITEM_LINES - lines.length - 1 - Math.min(parts, MIN_BULLETS));
    lines.push(...toDocumentLines(s.to_document, Math.max(MIN_BULLETS, ITEM_LINES - lines.length - shown.length - 1)));
    return [...lines, ...shown].join('\n');
  }
  return [...lines, ...withinBudget(notes, ITEM_LINES - lines.length)].join('\n');
}

/** The notes in at most `room` lines: when they do not all fit, the last line counts the rest. */
function withinBudget(notes: string[], room: number): string[] {
  if (notes.length <= room) return notes;
  const fit = Math.max(0, room - 1);
  return [...notes.slice(0, fit), `   … and ${notes.length - fit} more note${notes.length - fit === 1 ? '' : 's'} (--verbose)`];
}

function partsOf(plan: Requirement): Requirement[] {
  return 'all' in plan ? plan.all : [plan];
}

function toDocumentLines(plan: Requirement, room: number): string[] {
  const parts = partsOf(plan);
  // The last line goes to the count of the rest when they do not all fit.
  const fit = parts.length <= room ? parts.length : room - 1;
  const shown = parts.slice(0, fit).map((p) => `     - ${phrase(p, true)}`);
  const more = parts.length > fit ? [`     … and ${parts.length - fit} more (--json lists them)`] : [];
  return [`   What to document${parts.length > 1 ? ' (all of these)' : ''}:`, ...shown, ...more];
}

/** A requirement in words: "either A, or B and C". */
export function phrase(r: Requirement, top = false): string {
  if ('change' in r) return changeText(r.change);
  if ('all' in r) return r.all.map((x) => ('any' in x ? `(${phrase(x)})` : phrase(x))).join(' and ');
  const alts = r.any.map((x) => phrase(x));
  return top || alts.length > 1 ? `either ${alts.join(', or ')}` : alts[0]!;
}

function changeText(ch: Change): string {
  switch (ch.kind) {
    case 'request': return `request ${ch.text}`;
    case 'wait': return `request it ${ch.text}`;
    case 'treat': return `first: ${ch.text}`;
    default: return ch.text;
  }
}

function trim(s: string): string {
  const t = s.replace(/[.\s]+$/, '');
  return t.length > 90 ? `${t.slice(0, 87)}…` : t;
}
