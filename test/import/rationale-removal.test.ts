/**
 * Must-show 4: the decision rationale never feeds a fact. Every rationale is removed from every
 * letter and the facts do not change (only the reference text `actual.rationale` goes).
 */
import { describe, expect, it } from 'vitest';
import { importLetterText } from '../../src/import/import-letter.js';
import type { Case } from '../../src/model/case-schema.js';
import { parseItems } from '../../src/import/letter/items.js';
import { findSections } from '../../src/import/letter/sections.js';
import { normalizeLetterText } from '../../src/import/text/normalize.js';
import { bundledRuleset } from '../helpers.js';
import { DWC_DIR, letterFiles, readLetter, SEEDS_DIR } from './corpus.js';

/** Deletes each "Decision rationale: ..." paragraph, label and all, where the letter parser places it. */
function withoutRationales(text: string): string {
  const letter = normalizeLetterText(text);
  const sections = findSections(letter);
  if (!sections.ok) throw new Error(sections.missing);
  const items = parseItems(letter, sections.sections.issues);
  if (!items.ok) throw new Error(items.missing);
  let out = letter;
  for (const item of [...items.items].reverse()) {
    if (!item.rationale) continue;
    const label = out.lastIndexOf('Decision rationale:', item.rationale.start);
    out = out.slice(0, label) + out.slice(item.rationale.end);
  }
  return out;
}

function facts(kase: Case): unknown {
  const { evidence, ...rest } = kase;
  return {
    ...rest,
    items: kase.items.map(({ actual, ...item }) => ({ ...item, outcome: actual?.outcome, guideline: actual?.guideline })),
    evidence: evidence?.map(({ path, text }) => ({ path, text })),
  };
}

describe('the rationale is never a source of facts', () => {
  it('removing every rationale from every letter leaves every fact unchanged', () => {
    const catalog = bundledRuleset().catalog;
    let removed = 0;
    for (const file of [...letterFiles(SEEDS_DIR), ...letterFiles(DWC_DIR)]) {
      const text = readLetter(file);
      const stripped = withoutRationales(text);
      removed += normalizeLetterText(text).length - stripped.length;
      const before = importLetterText(text, file, catalog);
      const after = importLetterText(stripped, file, catalog);
      if (!before.ok || !after.ok) throw new Error(`${file}: ${before.ok ? '' : before.error} ${after.ok ? '' : after.error}`);
      expect(after.kase.items.every((i) => i.actual?.rationale === undefined), file).toBe(true);
      expect(before.kase.items.every((i) => (i.actual?.rationale ?? '').length > 0), file).toBe(true);
      expect(facts(after.kase), file).toEqual(facts(before.kase));
    }
    expect(removed).toBeGreaterThan(100_000);
  });

  it('a fact planted in a rationale is not imported', () => {
    const catalog = bundledRuleset().catalog;
    const file = letterFiles(DWC_DIR)[0]!;
    const text = readLetter(file).replace('Decision rationale:', 'Decision rationale: The patient has complex regional pain syndrome and is off work.');
    const r = importLetterText(text, file, catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.kase.conditions ?? []).not.toContain('crps');
    expect(r.kase.items[0]!.actual!.rationale).toContain('complex regional pain syndrome');
  });
});
