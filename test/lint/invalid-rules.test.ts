/**
 * Broken rule files, each with the problems lint must report and where (eslint RuleTester style).
 * They are judged against a small fixture ruleset, so they do not move when the bundled rules change.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { mtus, ROOT } from '../helpers.js';

const BASE = join(ROOT, 'test', 'fixtures', 'lint', 'base');
const INVALID = join(ROOT, 'test', 'fixtures', 'lint', 'invalid');

type Expected = { code: string; line: number; column: number; message?: RegExp };

const invalid: Record<string, Expected[]> = {
  'yaml-syntax': [{ code: 'yaml-syntax', line: 5, column: 37 }, { code: 'yaml-syntax', line: 5, column: 38 }],
  'unknown-key': [{ code: 'unknown-key', line: 2, column: 1, message: /unknown key 'titel' \(did you mean 'title'\?\)/ }],
  'invalid-value': [{ code: 'invalid-value', line: 6, column: 17, message: /'recommendation' must be one of/ }],
  'missing-key': [{ code: 'missing-key', line: 1, column: 1, message: /'source' is required/ }],
  'unknown-fact': [{ code: 'unknown-fact', line: 10, column: 9, message: /^'weeksOnDrug' is not a case fact \(did you mean 'weeks_on_drug'\?\)$/ }],
  'operator-type': [{ code: 'operator-type', line: 11, column: 13, message: /operator 'contains' does not suit number fact 'age'/ }],
  'value-type': [{ code: 'value-type', line: 12, column: 10, message: /"18" is not a number/ }],
  'unknown-param': [{ code: 'unknown-param', line: 11, column: 13, message: /no parameter 'tagg' \(did you mean 'tag'\?\)/ }],
  'missing-param': [{ code: 'missing-param', line: 8, column: 3, message: /needs parameter 'tag'/ }],
  'unknown-condition': [{ code: 'unknown-condition', line: 11, column: 18, message: /'crps_one' is not a catalog condition tag/ }],
  'unknown-treatment': [{ code: 'unknown-treatment', line: 5, column: 28, message: /'sprockett' is not in the catalog \(did you mean 'sprocket'\?\)/ }],
  'unknown-class': [{ code: 'unknown-class', line: 5, column: 25, message: /'gadgett' is not a catalog class/ }],
  'file-name-mismatch': [{ code: 'file-name-mismatch', line: 1, column: 5 }],
  'widget-short-course': [{ code: 'duplicate-rule-id', line: 1, column: 5, message: /already used by .*base\/widgets\/widget-short-course\.yaml/ }],
  'ambiguous-precedence': [{ code: 'ambiguous-precedence', line: 5, column: 1, message: /both apply to widget/ }],
  'missing-citation': [{ code: 'missing-citation', line: 3, column: 1 }],
  'edition-overlap': [{ code: 'edition-overlap', line: 7, column: 16 }],
  'edition-gap': [{ code: 'edition-gap', line: 7, column: 16, message: /179 day\(s\) between 2016-01-31 and 2016-07-29/ }],
  'invalid-dates': [{ code: 'invalid-dates', line: 4, column: 12 }],
  'example-failed': [{ code: 'example-failed', line: 19, column: 5, message: /example "child".*expected overturned, got upheld/ }],
  'example-decides-nothing': [
    { code: 'example-failed', line: 10, column: 5, message: /example "adult".*the item gets no prediction although the rule judges it \(ingredient_without_rule: sprocket\)/ },
    { code: 'example-failed', line: 14, column: 5, message: /example "age not given".*the item gets no prediction/ },
  ],
  'too-few-examples': [{ code: 'too-few-examples', line: 14, column: 1 }],
  'unnamed-criterion': [{ code: 'unnamed-criterion', line: 7, column: 1 }],
  'unknown-shared-criterion': [{ code: 'unknown-shared-criterion', line: 9, column: 7, message: /no shared criterion 'adults-only'/ }],
  'missing-missing': [{ code: 'missing-missing', line: 7, column: 1, message: /criterion 'adult-worker' does not say what to document when 'age' is absent/ }],
  'unknown-operator': [{ code: 'unknown-operator', line: 11, column: 13, message: /^'greaterThanOrEqual' is not an operator \(did you mean 'greaterThanInclusive'\?\) \(for number fact 'age': / }],
  'duplicate-criterion': [{ code: 'duplicate-criterion', line: 15, column: 11 }],
  'condition-without-when': [{ code: 'condition-without-when', line: 15, column: 7, message: /'not-elderly' is a condition: say in 'when:' the case it covers/ }],
  'unknown-reason-code': [{ code: 'unknown-reason-code', line: 14, column: 15, message: /'too_young' is not a reason code/ }],
  'outlives-document': [{ code: 'outlives-document', line: 7, column: 16, message: /has no end, but 'Retired guideline' \(2\) was in force 2016-07-29 to 2017-11-30: end it by 2017-11-30/ }],
  'unknown-document': [{ code: 'unknown-document', line: 3, column: 21, message: /'Test guidelines' is not in the document registry .*did you mean 'Test guideline'/ }],
  'non-canonical-document': [{ code: 'non-canonical-document', line: 3, column: 21, message: /'The old guideline' is another name of 'Retired guideline'/ }],
  'unknown-edition': [{ code: 'unknown-edition', line: 3, column: 49, message: /no edition '3'.*editions: 1, 2/ }],
  'when-without-condition': [{ code: 'when-without-condition', line: 15, column: 7, message: /has 'when:' but is not a condition/ }],
};

describe('mtus lint: invalid rule files', () => {
  it('the fixture ruleset itself is clean', async () => {
    expect((await lint([BASE])).diagnostics).toEqual([]);
  });

  it('holds at least 15 broken files, one per problem code', () => {
    expect(Object.keys(invalid).length).toBeGreaterThanOrEqual(15);
  });

  it.each(Object.entries(invalid))('%s', async (name, expected) => {
    const { diagnostics } = await lint([join(INVALID, `${name}.yaml`)], BASE);
    expect(diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }))).toEqual(
      expected.map(({ code, line, column }) => ({ code, line, column })),
    );
    expected.forEach((e, i) => {
      expect(diagnostics[i]!.file).toMatch(new RegExp(`${name}\\.yaml$`));
      if (e.message) expect(diagnostics[i]!.message).toMatch(e.message);
    });
  });
});

describe('mtus lint (command)', () => {
  it('the bundled rules are clean: exit 0', () => {
    const r = mtus(['lint', 'rules']);
    expect(r.stdout).toMatch(/^no problems in \d+ rule\(s\)\n$/);
    expect(r.status).toBe(0);
  });

  it('errors print one sorted located line each, a count, and exit 2', () => {
    const r = mtus(['lint', 'test/fixtures/lint/invalid/unknown-fact.yaml', 'test/fixtures/lint/invalid/value-type.yaml', '--rules', 'test/fixtures/lint/base']);
    expect(r.status).toBe(2);
    expect(r.stdout.trim().split('\n')).toEqual([
      "test/fixtures/lint/invalid/unknown-fact.yaml:10:9: unknown-fact: 'weeksOnDrug' is not a case fact (did you mean 'weeks_on_drug'?)",
      // both fixtures judge sprockets, so together they are also ambiguous
      "test/fixtures/lint/invalid/value-type.yaml:5:1: ambiguous-precedence: 'value-type' and 'unknown-fact' both apply to sprocket on 2016-07-29: state overrides or combines_with",
      'test/fixtures/lint/invalid/value-type.yaml:12:10: value-type: fact \'age\' is number; "18" is not a number',
      '3 error(s), 0 warning(s) in 2 rule(s)',
    ]);
  });
});
