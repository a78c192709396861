/**
 * Turns a prediction into its explanation: each named criterion with its status and evidence,
 * what the records must document for the request to pass, and a rationale paragraph written the
 * way an IMR decision reads.
 */
import type { CompiledNode, LeafNode } from '../engine/compiled-rule.js';
import type { Inapplicable } from '../engine/evaluate-rule.js';
import type { Status } from '../engine/kleene.js';
import { FACTS } from '../facts/registry.js';
import type { Outcome, Prediction } from '../model/vocabulary.js';
import type { Source } from '../model/rule-schema.js';
import { editionAt } from '../ruleset/editions.js';
import { formatCitation } from './citation.js';
import type { Evaluated, ItemPrediction } from './predict-item.js';
import { reasons, satisfied } from './reasons.js';

/** A criterion's status as shown: `not_applicable` for a condition that does not arise or an exclusion the records are silent on. */
export type ShownStatus = Status | 'not_applicable';

export interface CriterionLine {
  id: string;
  text: string;
  status: ShownStatus;
  /** why a not-applicable criterion did not count */
  note?: string;
  /** ids of the presumptions the criterion's fact rests on */
  presumed?: string[];
  rule: string;
  /** nesting depth in the criteria tree, for indented display */
  depth: number;
  evidence: string | undefined;
  ingredient: string | undefined;
}

export interface ItemExplanation {
  request: string;
  treatment: string | null;
  prediction: Prediction;
  rule: string | null;
  citation: string | null;
  criteria: CriterionLine[];
  missing: string[];
  rationale: string;
  actual: Outcome | undefined;
  /** the phase of care, when the injury is dated: rules set aside for it, and rules that judged the request although written for the other phase */
  phase: { weeks: number; set_aside: PhaseNote[]; out_of_phase: PhaseNote[] } | null;
  /** the presumptions the shown criteria rest on: how the records' silence was read, and where that reading comes from */
  presumptions: { id: string; statement: string; citation: string }[];
  asOf: ItemPrediction['asOf'];
  ingredients: ItemPrediction['ingredients'];
  noRule: ItemPrediction['noRule'];
  formulary: ItemPrediction['formulary'];
}

export function explainItem(p: ItemPrediction): ItemExplanation {
  const ordered = p.decisive ? [p.decisive, ...p.evaluations.filter((e) => e !== p.decisive)] : p.evaluations;
  const criteria = dedupe(ordered.flatMap(criterionLines));
  const missing = [...new Set(ordered.filter((e) => e.evaluation.status !== 'met').flatMap((e) => reasons(e).unknown.map(missingText)))];
  const source = p.decisive ? sourceInForce(p.decisive, p) : undefined;
  return {
    request: p.item.request,
    treatment: p.resolved.treatment ?? null,
    prediction: p.prediction,
    rule: p.decisive?.evaluation.compiled.rule.id ?? null,
    citation: source ? formatCitation(source) : null,
    criteria,
    missing,
    rationale: rationale(p, missing),
    actual: p.item.actual?.outcome,
    presumptions: presumptionsShown(criteria, ordered),
    phase: p.recovery ? { weeks: p.recovery.weeks, set_aside: uniqueNotes(p.phase.setAside), out_of_phase: uniqueNotes(p.phase.outOfPhase) } : null,
    asOf: p.asOf,
    ingredients: p.ingredients,
    noRule: p.noRule,
    formulary: p.formulary,
  };
}

function criterionLines(e: Evaluated): CriterionLine[] {
  const lines: CriterionLine[] = [];
  const visit = (node: CompiledNode, depth: number) => {
    const named = node.id !== undefined && node.text !== undefined;
    const why = e.evaluation.inapplicable.get(node);
    if (named) {
      lines.push({
        id: node.id!,
        text: node.text!,
        status: why ? 'not_applicable' : e.evaluation.statusOf.get(node) ?? 'unknown',
        ...(why ? { note: inapplicableNote(node, why) } : {}),
        rule: e.evaluation.compiled.rule.id,
        depth,
        evidence: node.kind === 'leaf' ? evidenceOf(node, e) : undefined,
        ingredient: e.ingredient,
      });
      const presumed = node.kind === 'leaf' ? presumedBy(node, e) : [];
      if (presumed.length > 0) lines.at(-1)!.presumed = presumed;
    }
    // A condition that does not arise is one line: what it would have asked is beside the point.
    if (why === 'condition_not_met' || why === 'condition_not_documented') return;
    const next = named ? depth + 1 : depth;
    if (node.when) visit(node.when, next);
    if (node.kind === 'all' || node.kind === 'any') node.children.forEach((c) => visit(c, next));
    else if (node.kind === 'not') visit(node.child, next);
  };
  visit(e.evaluation.compiled.tree, 0);
  return lines;
}

/** A rule left out, or kept, by phase of care: its document and the phase it is written for. */
export interface PhaseNote {
  rule: string;
  document: string;
  phase: 'acute' | 'chronic';
  boundary_weeks: number;
}

function uniqueNotes(list: readonly { rule: string; document: string; phase: 'acute' | 'chronic'; boundaryWeeks: number }[]): PhaseNote[] {
  const seen = new Map<string, PhaseNote>();
  for (const n of list) if (!seen.has(n.rule)) seen.set(n.rule, { rule: n.rule, document: n.document, phase: n.phase, boundary_weeks: n.boundaryWeeks });
  return [...seen.values()];
}

function presumedBy(leaf: LeafNode, e: Evaluated): string[] {
  const def = FACTS.get(leaf.criterion.fact);
  return def ? [...e.ctx.presumedBy(def, leaf.criterion.params ?? {})] : [];
}

function presumptionsShown(lines: readonly CriterionLine[], evaluations: readonly Evaluated[]): ItemExplanation['presumptions'] {
  const policy = evaluations[0]?.ctx.policy.presumptions;
  const ids = [...new Set(lines.filter((l) => l.status !== 'not_applicable').flatMap((l) => l.presumed ?? []))];
  return ids.flatMap((id) => {
    const p = policy?.get(id);
    return p ? [{ id, statement: p.statement, citation: formatCitation(p.source) }] : [];
  });
}

function inapplicableNote(node: CompiledNode, why: Inapplicable): string {
  const when = node.when?.text ?? node.when?.id ?? 'its case';
  if (why === 'condition_not_met') return `does not apply: not the case that ${lowerFirst(sentence(when))}`;
  if (why === 'condition_not_documented') return `does not apply: the records do not document that ${lowerFirst(sentence(when))}`;
  return 'not held against the request: the records do not document the excluded circumstance';
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] !== s[1]!.toUpperCase() ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The same principle judged for several ingredients is shown once per outcome. */
function dedupe(lines: CriterionLine[]): CriterionLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.ingredient ?? ''}|${l.rule}|${l.id}|${l.status}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function evidenceOf(leaf: LeafNode, e: Evaluated): string | undefined {
  const def = FACTS.get(leaf.criterion.fact);
  const params = leaf.criterion.params ?? {};
  const value = e.evaluation.leaves[leaf.index]?.factValue;
  const shown = value === undefined ? 'not documented' : `${leaf.criterion.fact} = ${JSON.stringify(value)}`;
  const why = def?.explain?.(e.ctx, params);
  const own = why ? `${shown} (${why})` : shown;
  const ref = leaf.criterion.value;
  if (typeof ref !== 'object' || Array.isArray(ref)) return own;
  // A comparison with another fact shows both sides.
  const other = FACTS.get(ref.fact);
  const otherValue = other?.compute(e.ctx, {});
  const otherWhy = other?.explain?.(e.ctx, {});
  return `${own}; ${ref.fact} = ${otherValue === undefined ? 'not documented' : JSON.stringify(otherValue)}${otherWhy ? ` (${otherWhy})` : ''}`;
}

function missingText(leaf: LeafNode): string {
  return leaf.criterion.missing ?? leaf.text;
}

function rationale(p: ItemPrediction, missing: string[]): string {
  const request = `The request for ${p.item.request}`;
  if (p.noRule?.reason === 'out_of_era') {
    const review = p.formulary ? ` Under the MTUS Drug Formulary, prospective review is ${p.formulary.prospective_review.replace('_', ' ')}: ${p.formulary.because}.` : '';
    return `No prediction is made for ${p.item.request} as of ${p.asOf.date}: ${p.noRule.detail}.${review}`;
  }
  if (p.prediction === 'no_rule') {
    const what = p.resolved.treatment ? `${p.resolved.treatment}${p.resolved.route ? ` (${p.resolved.route})` : ''}` : 'a treatment the catalog does not recognise';
    const open = p.ingredients?.filter((v) => v.prediction === 'no_rule').map((v) => v.ingredient) ?? [];
    const when = p.asOf.from === 'today' ? `${p.asOf.date} (the records give no request date)` : p.asOf.date;
    return `No rule applies to ${what} as of ${when}${open.length ? `; no rule covers ${open.join(', ')}` : ''}. No prediction is made.`;
  }
  const d = p.decisive!;
  const source = sourceInForce(d, p);
  const cite = source.quote ? `${formatCitation(source)}: "${source.quote.replace(/[.\s]+$/, '')}."` : `${formatCitation(source)}.`;
  if (p.prediction === 'overturned') {
    const met = satisfied(d).map((n) => `${sentence(n.text ?? n.id ?? '')}${evidenceSuffix(n, d, '')}`);
    return `${request} is medically necessary. ${cite} In this case, the records document each criterion: ${met.join('; ')}. Therefore, the request is medically necessary.`;
  }
  const r = reasons(d);
  const parts: string[] = [];
  if (d.ingredient) parts.push(`the compound contains ${d.ingredient}, which is not recommended on its own`);
  for (const n of r.failed) parts.push(`the criterion "${sentence(n.text ?? n.id ?? '')}" is not met${evidenceSuffix(n, d, ': ')}`);
  if (missing.length) parts.push(`the records do not document ${missing.join('; ')}`);
  return `${request} is not medically necessary. ${cite} In this case, ${parts.join('; and ')}. Therefore, the request is not medically necessary.`;
}

function sentence(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/** The citation of the edition in force on the date the request is judged at. */
function sourceInForce(e: Evaluated, p: ItemPrediction): Source {
  const rule = e.evaluation.compiled.rule;
  return editionAt(rule, p.asOf.date)?.source ?? rule.source;
}

function evidenceSuffix(node: CompiledNode, e: Evaluated, lead: string): string {
  if (node.kind !== 'leaf') return '';
  const ev = evidenceOf(node, e);
  return ev ? (lead ? `${lead}${ev}` : ` (${ev})`) : '';
}
