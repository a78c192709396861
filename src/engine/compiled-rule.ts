/** The compiled form of a rule: its criteria tree with leaves numbered for json-rules-engine. */
import type { Engine } from 'json-rules-engine';
import type { CriterionRole, LeafCriterion, OutcomeMap, Rule } from '../model/rule-schema.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { Status } from './kleene.js';

/** Where a node was written: the rule file, or the shared-criteria file it was used from. */
export interface Origin {
  file: string;
  path: PathSegment[];
}

interface NodeBase {
  id?: string;
  text?: string;
  /** a section or pages of its own, when the criterion sits elsewhere in the cited document */
  cite?: { section?: string; pages?: string; verified?: boolean };
  /** requirement when absent; see CRITERION_ROLES */
  role?: CriterionRole;
  /** the reason code the criterion stands for, when the rule overrides its fact's default */
  reason?: string;
  /** for a condition: the case it covers, judged first */
  when?: CompiledNode;
  origin: Origin;
}

export interface LeafNode extends NodeBase {
  kind: 'leaf';
  id: string;
  text: string;
  /** position in the json-rules-engine condition list */
  index: number;
  criterion: LeafCriterion;
}

export interface GroupNode extends NodeBase {
  kind: 'all' | 'any';
  children: CompiledNode[];
}

export interface NotNode extends NodeBase {
  kind: 'not';
  child: CompiledNode;
}

/** A fixed verdict: the guideline does not recommend the treatment at all. */
export interface VerdictNode extends NodeBase {
  kind: 'verdict';
  id: string;
  text: string;
  status: Status;
}

export type CompiledNode = LeafNode | GroupNode | NotNode | VerdictNode;

export interface CompiledRule {
  rule: Rule;
  file: string;
  tree: CompiledNode;
  leaves: LeafNode[];
  outcome: OutcomeMap;
  /** the json-rules-engine engine for this rule, created on first use in each thread */
  engine?: Engine;
}
