/** Prior procedures read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractProcedures } from '../../src/import/extract/procedures.js';
import { summary } from './summary.js';

const procedures = (text: string) => extractProcedures(summary(text)).map(({ value: { as_written: _w, ...p } }) => p);

describe('prior procedures', () => {
  it('ORIF, with or without a cue in its own clause', () => {
    expect(procedures('He underwent ORIF of the left mid foot on 10-20-2016.')).toEqual([{ procedure: 'orif', body_region: ['foot'], side: 'left', date: '2016-10-20' }]);
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
    expect(procedures("She is status post bilateral carpal tunnel and de Quervain's release.")).toMatchObject([{ procedure: 'carpal_tunnel_release', side: 'bilateral' }]);
  });

  it('a surgery at two adjacent levels is at the segment between them; blocks keep their levels', () => {
    expect(procedures('Surgeries have included bilateral lumbar 5 and sacral 1 laminotomy.')).toMatchObject([{ procedure: 'laminectomy', levels: ['L5-S1'] }]);
    expect(procedures('He had a medial branch block at L4 and L5.')).toMatchObject([{ procedure: 'medial_branch_block', levels: ['L4', 'L5'] }]);
  });

  it('what the plan includes is not done; a request for post-operative care is no surgery done', () => {
    expect(procedures('The plan of care included a lumbar MRI and a pain specialist for epidural steroid injection.')).toEqual([]);
    expect(procedures('A request was submitted for right shoulder surgery and postoperative physical therapy.')).toEqual([]);
  });
});
