/** Treatment history read from made-up summary sentences: what was taken, whether it still is, how it went. */
import { describe, expect, it } from 'vitest';
import { extractFunctionalImprovement } from '../../src/import/extract/function.js';
import { extractWorkStatus } from '../../src/import/extract/work-status.js';
import { extractTreatments } from '../../src/import/extract/treatments.js';
import type { TreatmentHistoryEntry } from '../../src/model/case-schema.js';
import { summary } from './summary.js';

const history = (text: string): Record<string, Omit<TreatmentHistoryEntry, 'treatment' | 'as_written'>> =>
  Object.fromEntries(extractTreatments(summary(text)).map(({ value: { treatment, as_written: _w, ...rest } }) => [treatment, rest]));

describe('how a treatment went', () => {
  it('"not helping" is a failed trial without pain relief', () => {
    expect(history('Physical therapy was "not helping."').physical_therapy).toMatchObject({ response: 'failed', pain_relief: false });
    expect(history('Six sessions of physical therapy had not proven particularly beneficial.').physical_therapy).toMatchObject({ response: 'failed', visits: 6 });
  });

  it('"helped" in general is effective; helping with pain alone is pain relief, not a verdict', () => {
    expect(history('She stated that 6 chiropractic therapy visits have helped.').chiropractic).toMatchObject({ response: 'effective', visits: 6 });
    const cream = history('The ketamine cream usually helped with her pain.').ketamine!;
    expect(cream.pain_relief).toBe(true);
    expect(cream.response).toBeUndefined();
  });

  it('help that is limited is partial', () => {
    expect(history('He was depending on Percocet that was helping but only 4-6 hours with little less pain.').oxycodone).toMatchObject({ current: true, response: 'partial', pain_relief: true });
  });

  it('better "with the use of" a list: each treatment of the list helped', () => {
    const h = history('Her depression was rated 4/10, which was down considerably with the use of Wellbutrin 300 mg, and counseling.');
    expect(h.bupropion).toMatchObject({ response: 'effective' });
    expect(h.psychotherapy).toMatchObject({ response: 'effective' });
  });
});

describe('whether a drug is in use', () => {
  it('a first-time prescription at the requesting visit is recorded as not in use yet', () => {
    expect(history('Naprosyn was prescribed. The request for Naprosyn represented a first-time request for the same.').naproxen).toMatchObject({ current: false });
    expect(history('Gabapentin was prescribed for the first time.').gabapentin).toMatchObject({ current: false });
    expect(history('The treatment plan includes newly prescribed Celebrex.').celecoxib).toMatchObject({ current: false });
  });

  it('refills and renewals continue use, along the list they open, but not for what follows other words', () => {
    const h = history('On January 6, the applicant was given refills of Flexeril, Motrin, and tramadol.');
    expect(h.cyclobenzaprine?.current && h.ibuprofen?.current && h.tramadol?.current).toBe(true);
    const plan = history('The plan of care included prescriptions to refill Robaxin, rest, ice, home exercise and an MRI.');
    expect(plan.methocarbamol).toMatchObject({ current: true });
    expect(plan.home_exercise).toBeUndefined();
    expect(history('The recommendation was to continue physical therapy for the shoulder.').physical_therapy).toMatchObject({ current: true });
  });

  it('a request sentence that reports sessions completed is history', () => {
    expect(history('The applicant completed 4 physical therapy treatments through this particular request.').physical_therapy).toMatchObject({ visits: 4 });
  });

  it('symptoms that continue do not make a treatment current', () => {
    expect(history('He continues to have clicking and instability despite physical therapy.').physical_therapy?.current).toBeUndefined();
  });

  it('what is still to come is not history', () => {
    expect(history('He was awaiting to hear when he can start outpatient physical therapy.')).toEqual({});
    expect(history('The worker is to start home exercise.')).toEqual({});
    expect(history('He said he would rather take Norco.')).toEqual({});
    expect(history('The patient was to receive acupuncture and a TENS unit.')).toEqual({});
  });

  it('a steroid or anaesthetic injected is a procedure, not a medication; other injected drugs are medications', () => {
    expect(history('The patient was also injected with 5 cc lidocaine/dexamethasone on this visit.')).toEqual({});
    expect(history('He takes Toradol 60 mg injections weekly.').ketorolac).toMatchObject({ route: 'injection', current: true });
  });

  it('work restrictions and work modifications are activity modification', () => {
    expect(history('Treatment to date includes physical therapy and work restrictions.').activity_modification).toBeDefined();
    expect(history('Treatment has included work modifications and a back brace.').activity_modification).toBeDefined();
  });
});

describe('overall functional improvement', () => {
  it('no change in the level of functioning is no functional improvement', () => {
    expect(extractFunctionalImprovement(summary('Records also indicate no changes in complaints or level of functioning.'))?.value).toBe(false);
    expect(extractFunctionalImprovement(summary('Her medications improved her ability to walk.'))?.value).toBe(true);
  });
});

describe('work status', () => {
  it('back to regular job duties is full duty', () => {
    expect(extractWorkStatus(summary('The injured worker has returned to regular job duties.'))?.value).toBe('full_duty');
    expect(extractWorkStatus(summary('She returned to her usual work.'))?.value).toBe('full_duty');
  });
});
