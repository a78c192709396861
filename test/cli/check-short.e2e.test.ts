import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtus, ROOT } from '../helpers.js';

const SEEDS = join('cases', 'seeds');

/** The printed lines of each item: from its numbered heading to the next blank line. */
function itemBlocks(stdout: string): string[][] {
  return stdout.split('\n\n').filter((b) => /^\d+\. /.test(b)).map((b) => b.split('\n'));
}

describe('mtus check: the short answer by default', () => {
  it.each(readdirSync(join(ROOT, SEEDS)).filter((f) => f.endsWith('.yaml')))('%s fits in 15 lines per item, each with prediction, decisive criterion, citation and confidence', (file) => {
    const r = mtus(['check', join(SEEDS, file)]);
    expect(r.status).toBe(0);
    const blocks = itemBlocks(r.stdout);
    expect(blocks.length).toBeGreaterThan(0);
    for (const lines of blocks) {
      expect(lines.length).toBeLessThanOrEqual(15);
      expect(lines[1]).toMatch(/UPHELD|OVERTURNED|NO RULE/);
      if (!/NO RULE/.test(lines[1]!)) {
        expect(lines.some((l) => /^ {3}Decisive: /.test(l))).toBe(true);
        expect(lines.some((l) => /^ {3}Confidence: /.test(l))).toBe(true);
      }
    }
  });

  it('--verbose walks every criterion and gives the rationale', () => {
    const r = mtus(['check', join(SEEDS, '004_fa6a8ef17e548b53.yaml'), '--item', '2', '--verbose']);
    expect(r.stdout).toMatch(/✗ Not performed in patients who have had a previous fusion procedure/);
    expect(r.stdout).toContain('Rationale: The request for Bilateral diagnostic medial branch block');
  });

  it('a failed criterion nothing can change is said so; an open one becomes what to document', () => {
    const fused = mtus(['check', join(SEEDS, '004_fa6a8ef17e548b53.yaml'), '--item', '2']).stdout;
    expect(fused).toMatch(/Decisive: Not performed in patients who have had a previous fusion procedure at the planned injection level\. \[not met\]/);
    expect(fused).toMatch(/Nothing documented or changed in the request would turn this/);
    const baclofen = mtus(['check', join(SEEDS, '003_f82ec10896ee3b83.yaml'), '--item', '3']).stdout;
    // The acute-back-pain branch cannot apply twenty years after the injury: only the indications remain, as one either/or.
    expect(baclofen).toMatch(/- either spasticity and muscle spasm related to multiple sclerosis, or spasticity and muscle spasm related to spinal cord injury, or lancinating, paroxysmal neuropathic pain \(trigeminal neuralgia\)/);
    expect(baclofen).not.toMatch(/first-line analgesic|short-term supply|supply of 21 days/);
  });

  it('a post-operative knee therapy request lists only what applies to knee surgery: no carpal tunnel or fusion branch', () => {
    const r = mtus(['check', join('cases', 'dwc-2016-2017', 'CM17-0002892.yaml'), '--item', '3']);
    const block = itemBlocks(r.stdout)[0]!.join('\n');
    expect(block).toMatch(/Decisive: The surgery the therapy follows is authorized or medically necessary\. \[not met\]/);
    expect(block).toMatch(/- request 6 visits or fewer in all, counting those done/);
    expect(block).not.toMatch(/carpal|fusion|laminectomy|4 visits|8 visits|17 visits/i);
  });

  it('--json keeps everything, and adds the summary', () => {
    const out = JSON.parse(mtus(['check', join(SEEDS, '001_c7c7a95bc446a0b9.yaml'), '--json']).stdout);
    const s = out.items[0].summary;
    expect(s.decisive).toMatchObject({ rule: 'cpmtg-cyclobenzaprine', id: 'short-course-supply', status: 'not_met' });
    expect(s.decisive.citation).toMatch(/pp\. 41-42, 64$/);
    expect(s.to_document.all).toContainEqual({ change: { kind: 'request', text: 'a supply of 21 days or fewer', criterion: 'short-course-supply' } });
    expect(out.items[0].criteria.length).toBeGreaterThan(5);
  });
});

describe('mtus check --request … --note …', () => {
  const note = join('test', 'fixtures', 'notes', 'opioid-refill.txt');

  it('predicts from a physician\'s progress note, each fact with its sentence', () => {
    const r = mtus(['check', '--request', 'Norco 10/325 #90', '--note', note]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Read from .*opioid-refill\.txt: \d+ facts, each with its sentence/);
    expect(r.stdout).toMatch(/conditions\.0 = radiculopathy {2}← "Lumbar radiculopathy\."/);
    expect(r.stdout).toMatch(/dates\.injury = 2013-08-22 {2}← "Date of injury: 08\/22\/2013"/);
    expect(r.stdout).toMatch(/work_status = modified_duty {2}← "He remains on modified duty/);
    expect(r.stdout).toMatch(/1\. Norco 10\/325 #90\n {3}UPHELD/);
    expect(r.stdout).toMatch(/Judged: hydrocodone, as of 2016-03-14 \(request date\)/);
    expect(r.stdout).toMatch(/either urine drug screening results, or an opioid agreement/);
  });

  it('--json gives the prediction and the case read, evidence offsets into the text it was read from', () => {
    const out = JSON.parse(mtus(['check', '--request', 'Norco 10/325 #90', '--note', note, '--json']).stdout);
    expect(out.items[0].prediction).toBe('upheld');
    const { case: kase, text } = out.extracted;
    expect(kase.items[0].treatment).toBe('hydrocodone');
    for (const e of kase.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('--injury-date and --date override the note', () => {
    const out = JSON.parse(mtus(['check', '--request', 'Norco 10/325 #90', '--note', note, '--injury-date', '2015-01-02', '--date', '2016-02-01', '--json']).stdout);
    expect(out.extracted.case.dates).toMatchObject({ injury: '2015-01-02', request: '2016-02-01' });
    expect(out.extracted.case.evidence.filter((e: { path: string }) => e.path === 'dates.injury')).toEqual([]);
  });

  it('usage errors: one line, exit 2', () => {
    const both = mtus(['check', 'cases/seeds/001_c7c7a95bc446a0b9.yaml', '--request', 'Norco', '--note', note]);
    expect(both.status).toBe(2);
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
    const noNote = mtus(['check', '--request', 'Norco']);
    expect(noNote.status).toBe(2);
    expect(noNote.stderr).toMatch(/--request needs --note/);
    const missing = mtus(['check', '--request', 'Norco', '--note', 'no/such/note.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('no/such/note.txt: no such file or directory');
  });
});
