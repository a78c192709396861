/**
 * Lint keeps every criterion tied to a reason code and the reasons files sound: a fact without a
 * code, a fact the table misnames, a code outside the vocabulary, a phrase that is no expression.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { RULES_DIR, rulesWith } from '../helpers.js';

const codesText = readFileSync(join(RULES_DIR, 'reasons', 'reason-codes.yaml'), 'utf8');
const phrasesText = readFileSync(join(RULES_DIR, 'reasons', 'rationale-phrases.yaml'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('mtus lint: reason codes', () => {
  it('reports a criterion whose fact has no code and that names no reason:', async () => {
    const dir = rulesWith({ 'reasons/reason-codes.yaml': codesText.replace(/^ {2}age: not_indicated_for_condition\n/m, '') });
    const unmapped = (await lint([dir])).diagnostics.filter((d) => d.code === 'unmapped-reason');
    expect(unmapped.length).toBeGreaterThan(0);
    expect(unmapped[0]!.message).toMatch(/criterion '[a-z0-9-]+' \(fact age\) stands for no reason code/);
    expect(unmapped.every((d) => d.severity === undefined)).toBe(true);
  });

  it('reports a fact the table misnames, at its key', async () => {
    const text = codesText.replace('  age: not_indicated_for_condition\n', '  agee: not_indicated_for_condition\n');
    const dir = rulesWith({ 'reasons/reason-codes.yaml': text });
    const d = (await lint([dir])).diagnostics.find((x) => x.code === 'unknown-fact' && x.file.endsWith('reason-codes.yaml'));
    expect(d).toMatchObject({ line: lineOf(text, 'agee:'), column: 3 });
    expect(d!.message).toMatch(/'agee' is not a case fact/);
  });

  it('reports a code outside the vocabulary where the table uses it', async () => {
    const text = codesText.replace('  age: not_indicated_for_condition\n', '  age: too_old\n');
    const dir = rulesWith({ 'reasons/reason-codes.yaml': text });
    const d = (await lint([dir])).diagnostics.filter((x) => x.file.endsWith('reason-codes.yaml'));
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]).toMatchObject({ line: lineOf(text, 'age: too_old') });
    expect(d[0]!.message).toMatch(/'too_old' is not a reason code/);
  });

  it('reports a phrase that is not a regular expression, and phrases for an unknown code', async () => {
    const broken = phrasesText.replace("    - '\\bvague\\b|\\bopen to interpretation\\b'", "    - '\\bvague\\b|(open to interpretation'");
    expect(broken).not.toBe(phrasesText);
    const d = (await lint([rulesWith({ 'reasons/rationale-phrases.yaml': broken })])).diagnostics.find((x) => x.code === 'invalid-phrase');
    expect(d).toMatchObject({ line: lineOf(broken, '(open to interpretation') });
    const renamed = phrasesText.replace('  request_unclear_or_mismatch:\n', '  request_unclear:\n');
    const u = (await lint([rulesWith({ 'reasons/rationale-phrases.yaml': renamed })])).diagnostics.find((x) => x.code === 'unknown-reason-code');
    expect(u).toMatchObject({ line: lineOf(renamed, '  request_unclear:'), column: 3 });
  });
});
