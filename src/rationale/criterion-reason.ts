/**
 * The reason code a criterion stands for when it fails or is not documented: its own `reason:`
 * or that of a named group it sits in, else its fact's default from rules/reasons/reason-codes.yaml,
 * refined by the fact's tag, by whether the criterion asks a yes/no fact to be false, by the
 * comparison, by whether the rule is about a study, and by whether the fact was documented at all.
 * A treatment the guideline does not recommend stands for the verdict code.
 */
import type { Catalog, TermKind } from '../catalog/catalog.js';
import type { CompiledNode, CompiledRule, LeafNode } from '../engine/compiled-rule.js';
import type { Rule } from '../model/rule-schema.js';
import type { ReasonData } from './reason-data.js';

export interface ReasonContext {
  data: ReasonData;
  catalog: Catalog;
  /** the criterion was not documented rather than failed */
  undocumented?: boolean;
}

interface RuleFacts {
  study: boolean;
  /** the `reason:` each node inherits from the nearest group above it that names one */
  inherited: Map<CompiledNode, string>;
}

const perRule = new WeakMap<CompiledRule, RuleFacts>();

/** The code of a criterion of a rule, or undefined when neither the rule nor the fact table names one. */
export function criterionReason(rule: CompiledRule, node: CompiledNode, ctx: ReasonContext): string | undefined {
  const facts = factsOf(rule, ctx);
  return node.reason ?? facts.inherited.get(node) ?? nodeReason(node, ctx, facts.study);
}

function factsOf(rule: CompiledRule, ctx: ReasonContext): RuleFacts {
  let facts = perRule.get(rule);
  if (!facts) {
    const inherited = new Map<CompiledNode, string>();
    const visit = (node: CompiledNode, from: string | undefined) => {
      if (from) inherited.set(node, from);
      const passes = node.reason ?? from;
      if (node.when) visit(node.when, passes);
      if (node.kind === 'all' || node.kind === 'any') node.children.forEach((c) => visit(c, passes));
      else if (node.kind === 'not') visit(node.child, passes);
    };
    visit(rule.tree, undefined);
    facts = { study: isStudyRule(rule.rule, ctx.catalog, ctx.data.codes.study_kinds), inherited };
    perRule.set(rule, facts);
  }
  return facts;
}

function nodeReason(node: CompiledNode, ctx: ReasonContext, study: boolean): string | undefined {
  if (node.reason) return node.reason;
  switch (node.kind) {
    case 'verdict':
      return ctx.data.codes.verdict;
    case 'leaf':
      return leafReason(node, ctx, study);
    case 'not':
      return nodeReason(node.child, ctx, study);
    default:
      // A group is decisive through its parts; its first part that has a code speaks for it.
      for (const child of node.children) {
        const code = nodeReason(child, ctx, study);
        if (code) return code;
      }
      return undefined;
  }
}

function leafReason(leaf: LeafNode, ctx: ReasonContext, study: boolean): string | undefined {
  const { fact, params, operator, value } = leaf.criterion;
  const entry = ctx.data.codes.facts[fact];
  if (entry === undefined || typeof entry === 'string') return entry;
  if (ctx.undocumented && entry.undocumented) return entry.undocumented;
  const tag = params?.tag;
  if (typeof tag === 'string') {
    if (entry.tags?.[tag]) return entry.tags[tag];
    const kind = termKindOf(fact);
    if (entry.red_flags && kind && ctx.catalog.term(kind, tag)?.red_flag) return entry.red_flags;
  }
  const asksFalse = (operator === 'equal' && value === false) || (operator === 'notEqual' && value === true);
  if (asksFalse && entry.negated) return entry.negated;
  return entry.operators?.[operator] ?? (study ? entry.studies : undefined) ?? entry.code;
}

function termKindOf(fact: string): TermKind | undefined {
  return fact === 'finding' || fact === 'condition' ? fact : undefined;
}

/** A rule about studies only: every treatment it names, or every member of its classes, is a study. */
export function isStudyRule(rule: Rule, catalog: Catalog, studyKinds: readonly string[]): boolean {
  const ids = [
    ...(rule.applies_to.treatments ?? []),
    ...(rule.applies_to.classes ?? []).flatMap((c) => catalog.treatmentIds().filter((t) => catalog.isA(t, c))),
  ];
  const kinds = ids.map((id) => catalog.treatment(id)?.kind).filter((k): k is NonNullable<typeof k> => k !== undefined);
  return kinds.length > 0 && kinds.every((k) => studyKinds.includes(k));
}
