/** JUnit XML for CI systems: one test case per disputed item; a wrong prediction is a failure. */
import type { ItemOutcome } from '../regress/item-outcome.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function junitXml(outcomes: readonly ItemOutcome[], revision: string): string {
  const scored = outcomes.filter((o) => o.actual !== null || o.expect !== null);
  const failed = (o: ItemOutcome) => (o.expect ?? o.actual) !== o.predicted;
  const cases = scored.map((o) => {
    const name = escape(`${o.case} #${o.item} ${o.request}`);
    const head = `    <testcase classname="${escape(o.source)}" name="${name}">`;
    if (!failed(o)) return `${head}</testcase>`;
    const expected = o.expect ?? o.actual;
    const body = escape(`${o.rule ? `rule ${o.rule}: ` : ''}${o.criteria.join('; ')}`);
    return `${head}\n      <failure message="${escape(`expected ${expected}, predicted ${o.predicted}`)}">${body}</failure>\n    </testcase>`;
  });
  const failures = scored.filter(failed).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mtus regress" tests="${scored.length}" failures="${failures}">`,
    `  <testsuite name="mtus regress (ruleset ${revision})" tests="${scored.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
