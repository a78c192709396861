/** `mtus import` end to end: outputs, exit codes and one-line errors per letter. */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { mtus, tempFile } from '../helpers.js';
import { DWC_DIR, SEEDS_DIR } from './corpus.js';

const LETTER = 'test/fixtures/letters/CM16-0213037.txt';
const SEED = join(SEEDS_DIR, '001_c7c7a95bc446a0b9.txt');

describe('mtus import', () => {
  it('one letter: its case as YAML on stdout, exit 0', () => {
    const r = mtus(['import', LETTER]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const kase = parse(r.stdout);
    expect(kase).toMatchObject({ id: 'CM16-0213037', case_number: 'CM16-0213037', patient: { age: 48, sex: 'male' } });
    expect(kase.items.map((i: { request: string; actual: { outcome: string } }) => [i.request, i.actual.outcome])).toEqual([
      ['MRI of the right shoulder without contrast', 'upheld'],
      ['MRI of the cervical spine without contrast', 'upheld'],
    ]);
  });

  it('the written case passes `mtus check` and predicts each item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtus-import-'));
    expect(mtus(['import', SEED, '-o', dir]).status).toBe(0);
    const r = mtus(['check', join(dir, '001_c7c7a95bc446a0b9.yaml'), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { prediction: string; actual: string }) => [i.prediction, i.actual])).toEqual([['upheld', 'upheld'], ['upheld', 'overturned']]); // the ketamine refill: see check.e2e
  });

  it('-o DIR writes one file per letter, PDF or text, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtus-import-'));
    const r = mtus(['import', LETTER, join(DWC_DIR, 'CM17-0015218.pdf'), '-o', dir]);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['CM16-0213037.yaml', 'CM17-0015218.yaml']);
    expect(r.stdout).toMatch(/CM17-0015218\.pdf -> .*CM17-0015218\.yaml \(1 item\)/);
    expect(parse(readFileSync(join(dir, 'CM17-0015218.yaml'), 'utf8')).items[0].actual.outcome).toBe('overturned');
  });

  it('a letter that cannot be read: one line naming the file and what is missing, the others still imported, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtus-import-'));
    const notALetter = tempFile('notes.txt', 'Dear colleague,\nplease find attached.\n');
    const noOutcome = tempFile('no-outcome.txt', readFileSync(LETTER, 'utf8').replace('MRI of the right shoulder without contrast: Upheld', 'MRI of the right shoulder without contrast'));
    const r = mtus(['import', notALetter, LETTER, noOutcome, join(dir, 'missing.pdf'), '-o', dir]);
    expect(r.status).toBe(2);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/notes\.txt: not imported: missing the CLINICAL CASE SUMMARY heading$/);
    expect(errors[1]).toMatch(/no-outcome\.txt: not imported: missing the outcome \(Upheld or Overturned\) of item 1/);
    expect(errors[2]).toMatch(/missing\.pdf: no such file or directory$/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readdirSync(dir)).toEqual(['CM16-0213037.yaml']);
  });

  it('--json prints every result, imported or not', () => {
    const bad = tempFile('bad.txt', 'nothing here');
    const r = mtus(['import', LETTER, bad, '--json']);
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.map((o: { ok: boolean }) => o.ok)).toEqual([true, false]);
    expect(Object.keys(out[0])).toEqual(['file', 'ok', 'case', 'notices', 'unrecognised']);
    expect(out[0].case.evidence[0]).toEqual(expect.objectContaining({ path: 'patient.age', start: expect.any(Number), end: expect.any(Number) }));
    expect(out[1].error).toMatch(/bad\.txt: not imported/);
  });

  it('several letters without -o: a YAML stream, one document per letter', () => {
    const r = mtus(['import', LETTER, SEED]);
    expect(r.status).toBe(0);
    expect(parseAllDocuments(r.stdout).map((d) => d.toJS().id)).toEqual(['CM16-0213037', '001_c7c7a95bc446a0b9']);
  });

  it('no temporary files are left behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtus-import-'));
    mtus(['import', LETTER, '-o', dir]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(dir, 'CM16-0213037.yaml'))).toBe(true);
  });
});
