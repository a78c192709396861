/**
 * Citations must let a reader find the text: a rule's source gives pages, the guideline's own words
 * or a url, or is marked unverified; a criterion that cites a different place names the section or pages.
 */
import type { CompiledNode } from '../engine/compiled-rule.js';
import { walk } from '../ruleset/rule-semantics.js';
import { editionsOf } from '../ruleset/editions.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { Report } from './locate.js';

export function checkCitations(ruleset: Ruleset, report: Report): void {
  for (const c of ruleset.rules) {
    editionsOf(c.rule).forEach((e, i) => {
      const path = i === 0 ? ['source'] : ['editions', i - 1, 'source'];
      // A citation locates the text (pages, quote or url) or says honestly that it could not be checked.
      if (!e.source.pages && !e.source.quote && !e.source.url && e.source.verified !== false) {
        report(c.file, path, 'missing-citation', `the ${e.source.edition} edition's source gives no pages, quote or url: locate the text or mark it verified: false`, { key: true });
      }
    });
    walk(c.tree, (node: CompiledNode) => {
      const cite = node.cite;
      if (cite && !cite.section && !cite.pages && node.origin.file === c.file) {
        report(c.file, [...node.origin.path, 'cite'], 'missing-citation', `criterion '${node.id ?? '?'}' has a cite without section or pages`, { key: true });
      }
    });
  }
}
