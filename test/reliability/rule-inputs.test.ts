/**
 * Reliability: bad rule, catalog and shared-criteria files, in a copy of the small fixture ruleset,
 * given to `mtus lint` and to `mtus check --rules`: hostile YAML, unknown operators (in a rule or
 * in a shared criterion), misspelt keys hiding nothing, encodings, link loops, missing folders.
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutFile, expectBadInput, FIXTURE_RULES, GOOD_CASE, located, mtusIn, positionIn, replaced, tempDir, write } from './harness.js';

const dir = tempDir();
const RULE = 'widgets/widget-short-course.yaml';
const ruleText = readFileSync(join(FIXTURE_RULES, RULE), 'utf8');
const sharedText = readFileSync(join(FIXTURE_RULES, 'shared', 'principles.yaml'), 'utf8');

let n = 0;
/** A copy of the fixture ruleset with some files replaced; returns its folder. */
function ruleset(files: Record<string, string | Uint8Array> = {}): string {
  const at = join(dir, `rules-${++n}`);
  cpSync(FIXTURE_RULES, at, { recursive: true });
  for (const [name, text] of Object.entries(files)) write(at, name, text);
  return at;
}

interface RuleInput {
  name: string;
  make(): string[];
  lines: RegExp[];
}

const bomb = `${ruleText}notes: &n0 [x, x, x, x, x, x, x, x, x, x]\n${[1, 2, 3, 4, 5, 6].map((i) => `x${i}: &n${i} [${Array(10).fill(`*n${i - 1}`).join(', ')}]`).join('\n')}\n`;
let nested = '{ id: leaf, text: A leaf., fact: age, operator: greaterThan, value: 1, missing: the age }';
for (let i = 0; i < 100; i++) nested = `{ all: [${nested}] }`;
const deep = replaced(ruleText, /criteria:\n(.|\n)*?examples:/, `criteria: ${nested}\nexamples:`);
const badOperator = replaced(ruleText, 'operator: lessThanInclusive', 'operator: lessThanOrEqual');
const sharedBadOperator = replaced(sharedText, 'operator: greaterThanInclusive', 'operator: atLeast');
const misspelt = replaced(replaced(replaced(ruleText, 'title:', 'titel:'), 'fact: days_supply', 'fact: day_supply'), 'operator: lessThanInclusive', 'opertor: lessThanInclusive');
const latin1 = replaced(ruleText, 'Widgets for a short course only', 'Widgets for a short course only (r\u00e9sum\u00e9)');

export const RULE_INPUTS: RuleInput[] = [
  { name: 'a rule file with a YAML alias bomb', make: () => ['lint', ruleset({ [RULE]: bomb })], lines: [located(RULE, positionIn(bomb, '*n0').line, positionIn(bomb, '*n0').column, 'yaml-aliases')] },
  { name: 'a rule nesting all: 100 levels deep', make: () => ['lint', ruleset({ [RULE]: deep })], lines: [/widgets\/widget-short-course\.yaml:\d+:\d+: too-deep: nested too deeply \(more than 64 levels\)$/] },
  { name: 'an unknown operator in a rule (lint)', make: () => ['lint', ruleset({ [RULE]: badOperator })], lines: [located(RULE, positionIn(badOperator, 'lessThanOrEqual').line, positionIn(badOperator, 'lessThanOrEqual').column, 'unknown-operator', /'lessThanOrEqual' is not an operator \(did you mean 'lessThanInclusive'\?\) \(for number fact 'days_supply': equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn\)/)] },
  { name: 'an unknown operator in a rule (check --rules)', make: () => ['check', GOOD_CASE, '--rules', ruleset({ [RULE]: badOperator })], lines: [located(RULE, positionIn(badOperator, 'lessThanOrEqual').line, positionIn(badOperator, 'lessThanOrEqual').column, 'unknown-operator')] },
  { name: 'an unknown operator in a shared criterion every rule uses', make: () => ['lint', ruleset({ 'shared/principles.yaml': sharedBadOperator })], lines: [located('shared/principles.yaml', 4, positionIn(sharedBadOperator, 'atLeast').column, 'unknown-operator', /'atLeast' is not an operator .+/)] },
  {
    name: 'a misspelt key does not hide the deeper problems (all in one pass)',
    make: () => ['lint', ruleset({ [RULE]: misspelt })],
    lines: [
      located(RULE, 2, 1, 'unknown-key', "unknown key 'titel' (did you mean 'title'?)"),
      located(RULE, positionIn(misspelt, 'day_supply').line, positionIn(misspelt, 'day_supply').column, 'unknown-fact', "'day_supply' is not a case fact (did you mean 'days_supply'?)"),
      located(RULE, positionIn(misspelt, 'opertor').line, positionIn(misspelt, 'opertor').column, 'unknown-key', "unknown key 'opertor' in criteria.all.1 (did you mean 'operator'?)"),
    ],
  },
  { name: 'a rule file in Latin-1', make: () => ['lint', ruleset({ [RULE]: Buffer.from(latin1, 'latin1') })], lines: [located(RULE, 2, positionIn(latin1, '\u00e9').column, 'not-utf8')] },
  { name: 'an empty rule file', make: () => ['lint', ruleset({ 'widgets/empty-rule.yaml': '' })], lines: [located('widgets/empty-rule.yaml', 1, 1, 'invalid-type', /the document must be an object, found null/)] },
  { name: 'a catalog file with a YAML syntax error', make: () => ['check', GOOD_CASE, '--rules', ruleset({ 'catalog/terms.yaml': 'conditions:\n  - id: crps\n\tnames: [CRPS]\n' })], lines: [located('catalog/terms.yaml', 3, 1, 'yaml-syntax', 'Tabs are not allowed as indentation')] },
  { name: 'a catalog id defined twice', make: () => ['lint', ruleset({ 'catalog/more.yaml': 'conditions:\n  - { id: crps, names: [complex regional pain] }\n' })], lines: [located('catalog/terms.yaml', 2, 11, 'duplicate-catalog-id', /condition 'crps' is already defined in .*catalog\/more\.yaml/)] },
  { name: 'a shared-criteria file with a misspelt key', make: () => ['lint', ruleset({ 'shared/principles.yaml': replaced(sharedText, 'source:', 'sorce:') })], lines: [located('shared/principles.yaml', 3, 5, 'unknown-key', "unknown key 'sorce' in shared.0 (did you mean 'source'?)"), located(RULE, 9, 7, 'unknown-shared-criterion', "no shared criterion 'adult'")] },
  { name: 'a condition tag written as a catalog synonym', make: () => ['lint', ruleset({ [RULE]: replaced(ruleText, '    - use: adult\n', '    - { id: no-crps, text: No CRPS., fact: condition, params: { tag: CRPS I }, operator: equal, value: false, missing: the diagnoses }\n    - use: adult\n') })], lines: [/widget-short-course\.yaml:9:\d+: unknown-condition: 'CRPS I' is not a catalog condition tag \(did you mean 'crps_1'\? the catalog lists 'CRPS I' as one of its names\)$/] },
  {
    name: 'a symbolic link loop inside a ruleset',
    make: () => {
      const at = ruleset();
      mkdirSync(join(at, 'loops'));
      symlinkSync('b', join(at, 'loops', 'a'));
      symlinkSync('a', join(at, 'loops', 'b'));
      return ['check', GOOD_CASE, '--rules', at];
    },
    lines: [aboutFile('loops/a', 'too many levels of symbolic links (a link loop)'), aboutFile('loops/b', 'too many levels of symbolic links (a link loop)')],
  },
  { name: '--rules naming a folder that does not exist', make: () => ['check', GOOD_CASE, '--rules', join(dir, 'no-rules')], lines: [aboutFile('no-rules', 'no such file or directory')] },
  { name: 'lint of a rule file that does not exist', make: () => ['lint', join(dir, 'no-such-rule.yaml')], lines: [aboutFile('no-such-rule.yaml', 'no such file or directory')] },
];

describe('reliability: bad rule, catalog and shared files', () => {
  it.each(RULE_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const args = c.make();
    const r = await mtusIn(args, { MTUS_NO_CACHE: '1' });
    // lint reports its problems on stdout (that is its report); other commands on stderr.
    expectBadInput(r, dir, { lines: c.lines, lintReport: args[0] === 'lint' && r.stdout !== '' });
  });

  it('the fixture ruleset the inputs are made from is clean', async () => {
    const r = await mtusIn(['lint', ruleset()], { MTUS_NO_CACHE: '1' });
    expect(r.stdout).toBe('no problems in 1 rule(s)\n');
    expect(r.status).toBe(0);
  });
});
