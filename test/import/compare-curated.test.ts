/**
 * The importer against the curated cases (letters encoded by hand, cases/seeds and
 * cases/dwc-2016-2017): precision and recall per fact kind must stay above the figures measured
 * when this test was written (2026-11, 39 letters), less a small margin; raised as the importer improves.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/cases/load-case.js';
import { compareCases } from '../../src/import/compare/compare-cases.js';
import { comparisonReporter } from '../../src/report/import-report.js';
import { render } from '../../src/report/reporter.js';
import type { FactKind } from '../../src/import/compare/fact-atoms.js';
import { importLetterFile } from '../../src/import/import-letter.js';
import type { Case } from '../../src/model/case-schema.js';
import { bundledRuleset, mtus, ROOT } from '../helpers.js';

/** [precision, recall] floors; measured values in the comment. */
const FLOORS: Partial<Record<FactKind, [number, number]>> = {
  age_sex: [0.98, 0.98], //           1.000 1.000
  dates: [0.9, 0.83], //              0.947 0.881
  conditions: [0.88, 0.9], //         0.914 0.928
  findings: [0.95, 0.93], //          0.982 0.964
  findings_absent: [0.75, 0.85], //   0.800 0.889
  treatments: [0.9, 0.91], //         0.934 0.944
  treatment_details: [0.86, 0.83], // 0.897 0.867
  procedures: [0.85, 0.8], //         0.909 0.833
  procedure_levels: [0.95, 0.95], //  1.000 1.000
  studies: [0.75, 0.88], //           0.800 0.923
  work_status: [0.9, 0.9], //         1.000 1.000
  pain_score: [0.9, 0.9], //          1.000 0.950
  item_treatment: [0.94, 0.94], //    0.973 0.973
  item_route: [0.95, 0.95], //        1.000 1.000
  item_quantity: [0.95, 0.95], //     1.000 1.000
  item_visits: [0.95, 0.95], //       1.000 1.000
  item_region: [0.93, 0.82], //       0.980 0.873
  item_levels: [0.95, 0.95], //       1.000 1.000
  outcomes: [1, 1], //                1.000 1.000
  citation_document: [0.95, 0.95], // 0.991 1.000
  citation_sections: [0.92, 0.9], //  0.967 0.952
};

function curatedCases(): Case[] {
  const catalog = bundledRuleset().catalog;
  return ['seeds', 'dwc-2016-2017'].flatMap((d) => {
    const dir = join(ROOT, 'cases', d);
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => loadCaseFile(join(dir, f), catalog));
  });
}

describe('imported facts against the curated cases', () => {
  it('precision and recall per fact kind stay above their floors', async () => {
    const catalog = bundledRuleset().catalog;
    const curated = curatedCases();
    expect(curated.length).toBeGreaterThanOrEqual(39);
    const imported: Case[] = [];
    for (const c of curated) {
      const r = await importLetterFile(join(ROOT, c.source), catalog);
      if (!r.ok) throw new Error(r.error);
      imported.push(r.kase);
    }
    const report = compareCases(imported, curated, catalog);
    expect(report.not_imported).toEqual([]);
    expect(report.compared).toHaveLength(curated.length);
    const failures: string[] = [];
    for (const k of report.kinds) {
      const floor = FLOORS[k.kind];
      if (!floor) continue;
      if ((k.precision ?? 1) < floor[0]) failures.push(`${k.kind} precision ${k.precision} < ${floor[0]}`);
      if ((k.recall ?? 1) < floor[1]) failures.push(`${k.kind} recall ${k.recall} < ${floor[1]}`);
    }
    expect(failures, render(comparisonReporter, report, { format: 'text', color: false })).toEqual([]);
  });

  it('scores exactly: a planted error is a false positive and a false negative of its kind only', () => {
    const catalog = bundledRuleset().catalog;
    const truth = curatedCases().find((c) => c.case_number === 'CM16-0213037')!;
    const wrong: Case = { ...truth, conditions: ['crps'], items: truth.items.map((i, n) => (n === 0 ? { ...i, quantity: 2 } : i)) };
    const r = compareCases([wrong], [truth], catalog);
    const kind = (k: FactKind) => r.kinds.find((x) => x.kind === k)!;
    expect(kind('conditions')).toMatchObject({ true_positives: 0, false_positives: 1, false_negatives: truth.conditions!.length });
    expect(kind('item_quantity')).toMatchObject({ true_positives: 0, false_positives: 1, false_negatives: 0, precision: 0 });
    expect(kind('age_sex')).toMatchObject({ precision: 1, recall: 1 });
  });

  it('mtus import --compare prints the table', () => {
    const r = mtus(['import', join(ROOT, '..', 'shared', 'determinations', 'seeds', '001_c7c7a95bc446a0b9.txt'), '--compare', 'cases/seeds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1 letters compared with curated cases; not imported: 000_81dbbc27a62a6b76, 002_/);
    expect(r.stdout).toMatch(/outcomes\s+100\.0%\s+100\.0%\s+2\s+0\s+0/);
  });
});
