/**
 * Compiles a validated rule into a criteria tree and the flat json-rules-engine condition list
 * its leaves evaluate in. Shared criteria are inlined where a rule `use`s them, and those marked
 * `every_rule` are prepended to every rule, so cross-cutting principles are written once.
 */
import type { CriterionNode, Rule } from '../model/rule-schema.js';
import { DEFAULT_OUTCOMES } from '../model/outcomes.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { CompiledNode, CompiledRule, LeafNode, Origin } from './compiled-rule.js';

export interface SharedCriterion {
  id: string;
  everyRule: boolean;
  node: CriterionNode;
  file: string;
  /** YAML path of the node inside its file */
  path: PathSegment[];
}

export class CompileError extends Error {
  constructor(readonly origin: Origin, readonly code: string, message: string) {
    super(message);
  }
}

export function compileRule(rule: Rule, file: string, shared: ReadonlyMap<string, SharedCriterion>): CompiledRule {
  const leaves: LeafNode[] = [];
  const build = (node: CriterionNode, origin: Origin, using: readonly string[]): CompiledNode => {
    if ('use' in node) {
      const s = shared.get(node.use);
      if (!s) throw new CompileError(origin, 'unknown-shared-criterion', `no shared criterion '${node.use}'`);
      if (using.includes(s.id)) throw new CompileError(origin, 'circular-shared-criterion', `shared criterion '${s.id}' uses itself`);
      return build(s.node, { file: s.file, path: s.path }, [...using, s.id]);
    }
    const named = {
      id: node.id,
      text: node.text,
      ...(node.cite ? { cite: node.cite } : {}),
      ...(node.role && node.role !== 'requirement' ? { role: node.role } : {}),
      ...(node.reason ? { reason: node.reason } : {}),
      ...(node.when ? { when: build(node.when, at(origin, 'when'), using) } : {}),
      origin,
    };
    if ('fact' in node) {
      const leaf: LeafNode = { kind: 'leaf', ...named, id: node.id, text: node.text, index: leaves.length, criterion: node };
      leaves.push(leaf);
      return leaf;
    }
    if ('all' in node) return { ...named, kind: 'all', children: node.all.map((c, i) => build(c, at(origin, 'all', i), using)) };
    if ('any' in node) return { ...named, kind: 'any', children: node.any.map((c, i) => build(c, at(origin, 'any', i), using)) };
    return { ...named, kind: 'not', child: build(node.not, at(origin, 'not'), using) };
  };

  const principles = [...shared.values()]
    .filter((s) => s.everyRule)
    .map((s) => build(s.node, { file: s.file, path: s.path }, [s.id]));
  const own: CompiledNode = rule.criteria
    ? build(rule.criteria, { file, path: ['criteria'] }, [])
    : {
        kind: 'verdict',
        id: 'recommended',
        text: rule.source.quote ?? `${rule.title}: not recommended`,
        status: rule.recommendation === 'not_recommended' ? 'not_met' : 'met',
        origin: { file, path: ['recommendation'] },
      };
  const tree: CompiledNode = principles.length > 0
    ? { kind: 'all', children: [...principles, own], origin: { file, path: [] } }
    : own;
  return { rule, file, tree, leaves, outcome: rule.outcome ?? DEFAULT_OUTCOMES };
}

function at(origin: Origin, ...more: PathSegment[]): Origin {
  return { file: origin.file, path: [...origin.path, ...more] };
}
