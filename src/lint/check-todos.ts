/** A rule scaffolded by `mtus new rule` says TODO wherever the author has work left: each one left is an error. */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { Report } from './locate.js';

const TODO = /\bTODO\b/;

export function checkTodos(ruleset: Ruleset, report: Report, only?: ReadonlySet<string>): void {
  for (const c of ruleset.rules) {
    if (only && !only.has(c.file)) continue;
    const y = ruleset.files.get(c.file);
    if (!y) continue;
    const visit = (node: unknown, path: PathSegment[]) => {
      if (isScalar(node)) {
        if (typeof node.value === 'string' && TODO.test(node.value)) report(c.file, path, 'todo-left', `still a placeholder: ${JSON.stringify(node.value)}`);
      } else if (isMap(node)) {
        for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) visit(pair.value, [...path, String(pair.key.value)]);
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item, [...path, i]));
      }
    };
    visit(y.doc.contents, []);
  }
}
