import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtus } from '../helpers.js';

describe('mtus check --request … --note …', () => {
  const note = join('test', 'fixtures', 'notes', 'opioid-refill.txt');

  it('predicts from a physician\'s progress note, each fact with its sentence', () => {
    const r = mtus(['check', '--request', 'Norco 10/325 #90', '--note', note]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Read from .*opioid-refill\.txt: \d+ facts, each with its sentence/);
    expect(r.stdout).toMatch(/conditions\.0 = radiculopathy {2}← "Lumbar radiculopathy\."/);
    expect(r.stdout).toMatch(/dates\.injury = 2013-08-22 {2}← "Date of injury: 08\/22\/2013"/);
    expect(r.stdout).toMatch(/work_status = modified_duty {2}← "He remains on modified duty/);
    // The note dates the request (its date of service), so the guideline in force then judges it.
    expect(r.stdout).toMatch(/1\. Norco 10\/325 #90\n {3}(UPHELD|OVERTURNED)/);
    expect(r.stdout).toMatch(/Judged: hydrocodone, as of 2016-03-14 \(request date\)/);
    expect(r.stdout).toMatch(/Decisive: .*\[(met|not met|not documented)\]\n {5}MTUS Chronic Pain Medical Treatment Guidelines \(2009\), Opioids/);
  });

  it('--json gives the prediction and the case read, evidence offsets into the text it was read from; the dates given override the note', () => {
    const out = JSON.parse(mtus(['check', '--request', 'Norco 10/325 #90', '--note', note, '--injury-date', '2015-01-02', '--date', '2016-02-01', '--json']).stdout);
    expect(['upheld', 'overturned']).toContain(out.items[0].prediction);
    expect(out.items[0].rule).toBe('cpmtg-opioids');
    const { case: kase, text } = out.extracted;
    expect(kase.items[0].treatment).toBe('hydrocodone');
    for (const e of kase.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(kase.dates).toMatchObject({ injury: '2015-01-02', request: '2016-02-01' });
    expect(kase.evidence.filter((e: { path: string }) => e.path === 'dates.injury')).toEqual([]);
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
