/**
 * Outside the encoded eras the tool answers no_rule / out_of_era and never predicts from a retired
 * edition: each seed case with its dates moved to 2026, directly and through --as-of.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../src/cases/load-case.js';
import { encodedEra, outOfEra } from '../../src/eras/out-of-era.js';
import type { Case } from '../../src/model/case-schema.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { editionsOf } from '../../src/ruleset/editions.js';
import { bundledRuleset, mtus, ROOT } from '../helpers.js';

const SEEDS = join(ROOT, 'cases', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')).sort();

/** Every date in the case moved by whole years, so the case reads as if it happened then. */
function movedToYear(kase: Case, year: number): Case {
  const last = kase.dates?.ur_denial ?? kase.dates?.request ?? kase.dates?.decision ?? kase.dates?.last_visit;
  const shift = year - Number(last!.slice(0, 4));
  const move = (v: unknown): unknown => {
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) return `${Number(v.slice(0, 4)) + shift}${v.slice(4)}`;
    if (Array.isArray(v)) return v.map(move);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  return move(kase) as Case;
}

const isDrug = (treatment: string | undefined) => {
  const kind = treatment ? bundledRuleset().catalog.treatment(treatment)?.kind : undefined;
  return kind === 'drug' || kind === 'compound';
};

describe('eras', () => {
  it('the encoded era is 2004-06-15 through 2017-11-30, from the document registry', () => {
    expect(encodedEra(bundledRuleset().documents)).toEqual({ from: '2004-06-15', to: '2017-11-30' });
  });

  it('no bundled rule or edition is in force after 2017-11-30', () => {
    const late = bundledRuleset().rules.flatMap((c) => editionsOf(c.rule).filter((e) => e.effective.to === undefined || e.effective.to > '2017-11-30').map(() => c.rule.id));
    expect(late).toEqual([]);
  });

  it('out_of_era names the guideline in force then and why there is no rule for it', () => {
    const docs = bundledRuleset().documents;
    expect(outOfEra(docs, '2017-11-30')).toBeUndefined();
    const after = outOfEra(docs, '2017-12-01')!;
    expect(after.reason).toBe('out_of_era');
    expect(after.detail).toMatch(/MTUS Treatment Guidelines \(ACOEM-based, from 2017-12-01\).*licensed ACOEM text/);
    expect(after.detail).toMatch(/2004-06-15 through 2017-11-30/);
    expect(outOfEra(docs, '2003-01-01')!.detail).toMatch(/no MTUS guideline the tool knows of was in force on 2003-01-01/);
  });

  it.each(seeds)('%s moved to 2026: no item judged by any rule; drug items get a formulary answer, others out_of_era only', async (file) => {
    const rs = bundledRuleset();
    const kase = movedToYear(loadCaseFile(join(SEEDS, file), rs.catalog), 2026);
    const result = await evaluateCase(rs, kase);
    for (const { prediction: p } of result.items) {
      expect(p.asOf.date.startsWith('2026'), p.item.request).toBe(true);
      expect(p.prediction).toBe('no_rule');
      expect(p.evaluations).toEqual([]);
      expect(p.noRule?.reason).toBe('out_of_era');
      if (isDrug(p.resolved.treatment)) {
        expect(p.formulary, p.item.request).toBeDefined();
        expect(p.formulary!.citations.map((c) => c.section).join(' ')).toMatch(/9792\.27/);
        expect(['required', 'not_required']).toContain(p.formulary!.prospective_review);
      } else expect(p.formulary, p.item.request).toBeUndefined();
    }
  });

  it.each(seeds)('%s judged --as-of 2026-03-01: the same answers', async (file) => {
    const rs = bundledRuleset();
    const kase = loadCaseFile(join(SEEDS, file), rs.catalog);
    const result = await evaluateCase(rs, kase, { asOf: '2026-03-01' });
    for (const { prediction: p } of result.items) {
      expect(p.prediction).toBe('no_rule');
      expect(p.evaluations).toEqual([]);
      expect(p.noRule?.reason).toBe('out_of_era');
      expect(p.formulary !== undefined).toBe(isDrug(p.resolved.treatment));
    }
  });

  it('the eras hold at the boundary: judged on 2017-11-30 by the rules, on 2017-12-01 out of era', async () => {
    const rs = bundledRuleset();
    const kase = loadCaseFile(join(SEEDS, '001_c7c7a95bc446a0b9.yaml'), rs.catalog);
    const [last] = (await evaluateCase(rs, kase, { asOf: '2017-11-30', item: 1 })).items;
    expect(last!.prediction.evaluations.length).toBeGreaterThan(0);
    expect(last!.prediction.noRule).toBeUndefined();
    const [first] = (await evaluateCase(rs, kase, { asOf: '2017-12-01', item: 1 })).items;
    expect(first!.prediction.noRule?.reason).toBe('out_of_era');
    // the formulary starts a month later
    expect(first!.prediction.formulary).toBeUndefined();
  });

  it('mtus check --as-of 2026-03-01 --json: no_rule with reason out_of_era, and the formulary for drug items', () => {
    const r = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--as-of', '2026-03-01', '--json']);
    expect(r.status).toBe(0);
    const items = JSON.parse(r.stdout).items as { prediction: string; rule: unknown; no_rule: { reason: string; detail: string }; formulary?: { prospective_review: string; citations: { section: string }[] } }[];
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item.prediction).toBe('no_rule');
      expect(item.rule).toBeNull();
      expect(item.no_rule.reason).toBe('out_of_era');
      expect(item.formulary?.citations.length).toBeGreaterThan(0);
    }
  });
});
