/** `mtus formulary load`: DWC's drug list as CSV or .xlsx into the drug-list form, bad rows located. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DrugListFile, loadDwcDrugList } from '../../src/formulary/index.js';
import { mtus, ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'formulary');
const CSV = join(FIXTURES, 'MTUS-Drug-List-v9-Effective-2026-02-15.csv');

describe('mtus formulary load', () => {
  it('reads a CSV list: headings found below a title row, blank rows skipped, fill days and topics read, version and date from the file name', async () => {
    const list = await loadDwcDrugList(CSV);
    expect(list.list).toMatchObject({ version: 'v9', effective: '2026-02-15', complete: true });
    expect(list.drugs.map((d) => [d.ingredient, d.status, d.special_fill_days, d.perioperative_fill_days])).toEqual([
      ['acetaminophen', 'exempt', undefined, undefined],
      ['widgetamol', 'non_exempt', 4, undefined],
      ['hydrocodone bitartrate/acetaminophen', 'non_exempt', 4, 4],
      ['gadgetine', 'non_exempt', undefined, undefined],
    ]);
    expect(list.drugs[0]!.acoem_topics).toEqual(['Chronic Pain', 'Low Back Disorders']);
    expect(DrugListFile.safeParse(list).success).toBe(true);
  });

  it('reads an .xlsx spreadsheet the same way (numbers as days)', async () => {
    const list = await loadDwcDrugList(join(FIXTURES, 'drug-list-test.xlsx'), { version: 'v.9', effective: '2026-02-15' });
    expect(list.drugs.map((d) => [d.ingredient, d.status, d.special_fill_days, d.perioperative_fill_days])).toEqual([
      ['acetaminophen', 'exempt', undefined, undefined],
      ['widgetamol', 'non_exempt', 4, 4],
    ]);
  });

  it('writes the list for --list: an official list answers for drugs the bundled one lacks, and a missing drug is Unlisted without the partial-list caveat', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mtus-list-')), 'list.yaml');
    const r = mtus(['formulary', 'load', CSV, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/4 drug\(s\) .* \(v9, effective 2026-02-15\) written to/);
    expect(DrugListFile.safeParse(parse(readFileSync(out, 'utf8'))).success).toBe(true);
    const widget = JSON.parse(mtus(['formulary', 'widgetamol', '--date', '2026-03-01', '--list', out, '--json']).stdout);
    expect(widget).toMatchObject({ status: 'non_exempt', prospective_review: 'required', list: { version: 'v9', complete: true, entry_verified: true } });
    const combo = JSON.parse(mtus(['formulary', 'hydrocodone', '--date', '2026-03-01', '--surgery', '2026-03-02', '--days', '3', '--list', out, '--json']).stdout);
    expect(combo).toMatchObject({ ingredient: 'hydrocodone bitartrate/acetaminophen', prospective_review: 'not_required', policy: 'perioperative_fill' });
    const missing = JSON.parse(mtus(['formulary', 'sildenafil', '--date', '2026-03-01', '--list', out, '--json']).stdout);
    expect(missing.status).toBe('unlisted');
    expect(missing.because).not.toMatch(/partial/);
  });

  it('a row whose status is neither Exempt nor Non-Exempt is a located error, exit 2, nothing written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mtus-list-')), 'list.yaml');
    const r = mtus(['formulary', 'load', join(FIXTURES, 'MTUS-Drug-List-v9-Effective-2026-02-15-bad.csv'), '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("test/fixtures/formulary/MTUS-Drug-List-v9-Effective-2026-02-15-bad.csv:2:2: drug-list-row: 'Sometimes' is not Exempt or Non-Exempt (drug 'widgetamol')");
    expect(() => readFileSync(out)).toThrow();
  });

  it('a file that is neither CSV nor .xlsx is a one-line error', () => {
    const r = mtus(['formulary', 'load', join(ROOT, 'README.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/README\.md:1:1: drug-list-format: expected a \.csv or \.xlsx file/);
  });
});
