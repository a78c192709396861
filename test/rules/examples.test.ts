/** Every rule's examples run as tests (the same runner as `mtus test`). */
import { describe, expect, it } from 'vitest';
import { exampleRuns, runExample } from '../../src/testing/run-examples.js';
import { bundledRuleset } from '../helpers.js';

const ruleset = bundledRuleset();

describe.each(ruleset.rules.map((r) => [r.rule.id, r] as const))('%s', (_id, rule) => {
  it('has at least two examples', () => {
    expect(rule.rule.examples.length).toBeGreaterThanOrEqual(2);
  });
  const runs = rule.rule.examples.flatMap((ex, i) => exampleRuns(rule, i).map((edition) => ({ ex, i, edition })));
  it.each(runs.map((r) => [`${r.ex.name}${r.edition ? ` [${r.edition.source.edition}]` : ''}`, r] as const))('%s', async (_name, r) => {
    const result = await runExample(ruleset, rule, r.i, r.edition);
    expect(result.failures).toEqual([]);
  });
});
