/**
 * The rationale reader against 193 hand-labelled items of the shared letters. Accuracy is
 * "primary" (the reader's primary code is the labelled primary code) and "overlap" (the reader's
 * codes share one with the labelled codes). The reader was written on the even half; measured
 * first on the odd half, held out, it scored primary 0.667 and overlap 0.802. Six odd labels were
 * then revised to a convention drawn only then (a prior course whose results are not documented is
 * no_functional_improvement, a request beyond a part already approved exceeds_quantity_or_duration;
 * the held-out reader scores 0.630 / 0.802 against them), and general fixes followed (a
 * verdict read from "cannot be deemed", a lead-in "Regarding the request for X," ignored, "would not
 * be recommended" as the reviewer's voice, the response to a treatment, a quantity "not provided",
 * normal findings, a clause after "although ..."). The odd half is no longer held out since.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLetterText } from '../../src/import/import-letter.js';
import { reasonData } from '../../src/rationale/reason-data.js';
import { readRationale } from '../../src/rationale/read-rationale.js';
import { accuracyOf, halfOf, type LabelledReason, type ReadingAgainstLabel } from '../../src/rationale/reader-accuracy.js';
import { bundledRuleset, ROOT } from '../helpers.js';
import { DWC_DIR, letterFiles, readLetter } from '../import/corpus.js';

/** Long synchronous work starves the test runner's messages on a loaded machine: let them through. */
const yieldToRunner = () => new Promise<void>((resolve) => setImmediate(resolve));

const labels = (parse(readFileSync(join(ROOT, 'test', 'fixtures', 'reason-labels.yaml'), 'utf8')) as { labels: LabelledReason[] }).labels;

describe('the rationale reader on the hand-labelled shared letters', () => {
  const pairs: ReadingAgainstLabel[] = [];
  beforeAll(async () => {
    const ruleset = bundledRuleset();
    const data = reasonData(ruleset.dir);
    const items = new Map<string, { request: string; rationale: string }>();
    for (const file of letterFiles(DWC_DIR)) {
      await yieldToRunner();
      const r = importLetterText(readLetter(file), file, ruleset.catalog);
      if (!r.ok) throw new Error(r.error);
      r.kase.items.forEach((it, i) => items.set(`${r.kase.case_number}#${i + 1}`, { request: it.request, rationale: it.actual?.rationale ?? '' }));
    }
    for (const label of labels) {
      const item = items.get(`${label.case}#${label.item}`);
      if (!item) throw new Error(`no item ${label.case} #${label.item} in the shared letters`);
      pairs.push({ label, reading: readRationale(item.rationale, { data, request: item.request, catalog: ruleset.catalog }) });
    }
  });

  it('labels at least 80 items from both halves, each with known codes and a quote from its rationale', () => {
    const known = reasonData().known;
    expect(labels.length).toBeGreaterThanOrEqual(80);
    expect(labels.filter((l) => halfOf(l.case) === 'even').length).toBeGreaterThanOrEqual(40);
    expect(labels.filter((l) => halfOf(l.case) === 'odd').length).toBeGreaterThanOrEqual(40);
    for (const l of labels) {
      expect(l.codes.length, `${l.case} #${l.item}`).toBeGreaterThan(0);
      for (const c of l.codes) expect(known.has(c), `${l.case} #${l.item}: ${c}`).toBe(true);
      expect(new Set(l.codes).size, `${l.case} #${l.item}: a code twice`).toBe(l.codes.length);
    }
    expect(new Set(labels.map((l) => `${l.case}#${l.item}`)).size).toBe(labels.length);
  });

  it('reaches 0.85 on the primary reason and 0.9 on overlap, overall and on each half', () => {
    const all = accuracyOf(pairs);
    const even = accuracyOf(pairs.filter((p) => halfOf(p.label.case) === 'even'));
    const odd = accuracyOf(pairs.filter((p) => halfOf(p.label.case) === 'odd'));
    for (const a of [all, even, odd]) {
      expect(a.primary).toBeGreaterThanOrEqual(0.85);
      expect(a.overlap).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('reads an overturned item as criteria_met and an upheld one never so', () => {
    for (const p of pairs) {
      const met = p.reading.reasons.some((r) => r.code === 'criteria_met');
      expect(met, `${p.label.case} #${p.label.item}`).toBe(p.label.codes[0] === 'criteria_met');
    }
  });
});
