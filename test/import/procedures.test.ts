/** Prior procedures read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractProcedures } from '../../src/import/extract/procedures.js';
import { summary } from './summary.js';

const procedures = (text: string) => extractProcedures(summary(text)).map(({ value: { as_written: _w, ...p } }) => p);

describe('prior procedures', () => {
  it('ORIF, with or without a cue in its own clause', () => {
    expect(procedures('He underwent ORIF of the right ankle on 03-14-2015.')).toEqual([{ procedure: 'orif', body_region: ['ankle'], side: 'right', date: '2015-03-14' }]);
    expect(procedures('She is status post open reduction and internal fixation of the right wrist.')).toMatchObject([{ procedure: 'orif', side: 'right' }]);
    expect(procedures('Pain persisted following his lumbar fusion.')).toMatchObject([{ procedure: 'lumbar_fusion' }]);
  });

  it('sacroiliac joint steroid injections are sacroiliac injections', () => {
    expect(procedures('Treatment to date has included physical therapy and sacroiliac joint steroid injections.')).toEqual([{ procedure: 'sacroiliac_injection', body_region: ['sacroiliac'] }]);
  });

  it('a surgery named by its kind only, unless a named one of that kind is recorded', () => {
    expect(procedures('He is status post knee surgery in 2014.')).toMatchObject([{ procedure: 'knee_surgery' }]);
    expect(procedures('Treatment has included surgery. He underwent a laminectomy.')).toMatchObject([{ procedure: 'laminectomy' }]);
  });

  it('two procedures sharing a head noun', () => {
    // both are catalog surgeries: each is read, the shared head noun giving the first its name
    const found = procedures("He is status post right carpal tunnel and trigger finger release.");
    expect(found.map((p) => p.procedure).sort()).toEqual(['carpal_tunnel_release', 'trigger_finger_release']);
    expect(found.find((p) => p.procedure === 'carpal_tunnel_release')).toMatchObject({ side: 'right' });
  });

  it('a surgery at two adjacent levels is at the segment between them; blocks keep their levels', () => {
    expect(procedures('She had a lumbar 4 and lumbar 5 laminectomy in 2012.')).toMatchObject([{ procedure: 'laminectomy', levels: ['L4-L5'] }]);
    expect(procedures('He had a medial branch block at L4 and L5.')).toMatchObject([{ procedure: 'medial_branch_block', levels: ['L4', 'L5'] }]);
  });

  it('what the plan includes is not done; a request for post-operative care is no surgery done', () => {
    expect(procedures('The plan included a knee x-ray and referral for a facet injection.')).toEqual([]);
    expect(procedures('Authorization is sought for knee arthroscopy and postoperative therapy.')).toEqual([]);
  });
});

describe('how a procedure went', () => {
  const procs = (text: string) => extractProcedures(summary(text)).map((p) => p.value);

  it('percent relief and how long it lasted', () => {
    expect(procs('She had a cervical epidural steroid injection in May 2016 with 70% relief for 10 weeks.')[0]).toMatchObject({ pain_relief_percent: 70, relief_weeks: 10 });
    expect(procs('A prior lumbar facet injection gave relief of about 50% lasting three months.')[0]).toMatchObject({ pain_relief_percent: 50, relief_weeks: 13 });
  });

  it('no relief is a failed procedure; short-lived relief is partial', () => {
    expect(procs('He underwent a shoulder cortisone injection which did not help.')[0]).toMatchObject({ response: 'failed' });
    expect(procs('She had trigger point injections with only transient benefit.')[0]).toMatchObject({ response: 'partial' });
  });
});
