import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgreement } from '../../src/advice/agreement.js';
import { loadCaseFile } from '../../src/cases/load-case.js';
import { evaluateCase } from '../../src/predict/evaluate-case.js';
import { checkJson, checkReporter, checkVerboseReporter } from '../../src/report/check-report.js';
import { render } from '../../src/report/reporter.js';
import { bundledRuleset, ROOT } from '../helpers.js';

const SEEDS = join(ROOT, 'cases', 'seeds');
const TEXT = { format: 'text', color: false } as const;

async function check(file: string, item?: number) {
  const rs = bundledRuleset();
  return evaluateCase(rs, loadCaseFile(file, rs.catalog), { agreement: loadAgreement(rs.dir), ...(item ? { item } : {}) });
}

/** The printed lines of each item: from its numbered heading to the next blank line. */
function itemBlocks(text: string): string[][] {
  return text.split('\n\n').filter((b) => /^\d+\. /.test(b)).map((b) => b.split('\n'));
}

describe('mtus check: the short answer by default', () => {
  it.each(readdirSync(SEEDS).filter((f) => f.endsWith('.yaml')))('%s fits in 15 lines per item, each with prediction, decisive criterion, citation and confidence', async (file) => {
    const blocks = itemBlocks(render(checkReporter, await check(join(SEEDS, file)), TEXT));
    expect(blocks.length).toBeGreaterThan(0);
    for (const lines of blocks) {
      expect(lines.length).toBeLessThanOrEqual(15);
      expect(lines[1]).toMatch(/UPHELD|OVERTURNED|NO RULE/);
      if (!/NO RULE/.test(lines[1]!)) {
        expect(lines.some((l) => /^ {3}Decisive: .*\[(met|not met|not documented)\]$/.test(l))).toBe(true);
        expect(lines.some((l) => /^ {5}\S.*\(\d{4}\)|ODG|ACOEM/.test(l))).toBe(true);
        expect(lines.some((l) => /^ {3}Confidence: /.test(l))).toBe(true);
      }
    }
  });

  it('the verbose form walks every criterion and gives the rationale', async () => {
    const text = render(checkVerboseReporter, await check(join(SEEDS, '004_fa6a8ef17e548b53.yaml'), 2), TEXT);
    expect(text).toMatch(/✗ Not performed in patients who have had a previous fusion procedure/);
    expect(text).toContain('Rationale: The request for Bilateral diagnostic medial branch block');
  });

  it('a failed criterion nothing can change is said so; an open one becomes what to document', async () => {
    const fused = render(checkReporter, await check(join(SEEDS, '004_fa6a8ef17e548b53.yaml'), 2), TEXT);
    expect(fused).toMatch(/Decisive: Not performed in patients who have had a previous fusion procedure at the planned injection level\. \[not met\]/);
    expect(fused).toMatch(/Nothing documented or changed in the request would turn this/);
    // Baclofen's indications are alternatives: one either/or line, each alternative a thing to document.
    const baclofen = render(checkReporter, await check(join(SEEDS, '003_f82ec10896ee3b83.yaml'), 3), TEXT);
    expect(baclofen).toMatch(/What to document:\n {5}- either [^\n]*multiple sclerosis[^\n]*, or [^\n]*spinal cord injury[^\n]*, or [^\n]*trigeminal neuralgia/);
  });

  it('a post-operative knee therapy request lists only what applies to knee surgery: no carpal tunnel or fusion branch', async () => {
    const text = render(checkReporter, await check(join(ROOT, 'cases', 'dwc-2016-2017', 'CM17-0002892.yaml'), 3), TEXT);
    const block = itemBlocks(text)[0]!.join('\n');
    expect(block).toMatch(/Decisive: The surgery the therapy follows is authorized or medically necessary\. \[not met\]/);
    expect(block).toMatch(/- request 6 visits or fewer in all, counting those done/);
    expect(block).not.toMatch(/carpal|fusion|laminectomy|4 visits|8 visits|17 visits/i);
  });

  it('JSON keeps everything, and adds the summary', async () => {
    const out = checkJson(await check(join(SEEDS, '001_c7c7a95bc446a0b9.yaml')));
    const s = out.items[0]!.summary;
    expect(s.decisive).toMatchObject({ rule: 'cpmtg-cyclobenzaprine', id: 'short-course-supply', status: 'not_met' });
    expect(s.decisive!.citation).toMatch(/^MTUS Chronic Pain Medical Treatment Guidelines \(2009\), Cyclobenzaprine \(Flexeril\).*, pp\. \d/);
    expect(s.to_document && 'all' in s.to_document && s.to_document.all).toContainEqual({ change: { kind: 'request', text: 'a supply of 21 days or fewer', criterion: 'short-course-supply' } });
    expect(s.confidence).toMatchObject({ rule: 'cpmtg-cyclobenzaprine', source: expect.stringMatching(/^(last-run|bundled)$/) });
    expect(out.items[0]!.criteria.length).toBeGreaterThan(5);
  });

  it('an item with more notes than its budget holds stays within 15 lines, the rest counted', async () => {
    const result = await check(join(SEEDS, '001_c7c7a95bc446a0b9.yaml'), 1);
    const { explanation } = result.items[0]!;
    // Twelve presumptions: more than the room the head and what to document leave.
    const many = Array.from({ length: 12 }, (_, i) => ({ ...explanation.presumptions[0], id: `p${i}`, statement: `statement ${i}`, citation: `source ${i}` }));
    const crowded = { ...result, items: [{ ...result.items[0]!, explanation: { ...explanation, presumptions: many as typeof explanation.presumptions } }] };
    const [lines] = itemBlocks(render(checkReporter, crowded, TEXT));
    expect(lines!.length).toBe(15);
    expect(lines!.at(-1)).toMatch(/^ {3}… and \d+ more notes \(--verbose\)$/);
    const shownNotes = lines!.filter((l) => l.startsWith('   Presumed (p')).length;
    expect(shownNotes + Number(/and (\d+) more/.exec(lines!.at(-1)!)![1])).toBe(12);
    // What to document keeps its heading and at least two entries.
    const at = lines!.findIndex((l) => l.startsWith('   What to document'));
    expect(at).toBeGreaterThan(0);
    expect(lines![at + 2]).toMatch(/^ {5}(- |… and)/);
  });
});
