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
    expect(history('She says the acupuncture is not helping.').acupuncture).toMatchObject({ response: 'failed', pain_relief: false });
    expect(history('Eight sessions of physical therapy have not been very helpful.').physical_therapy).toMatchObject({ response: 'failed', visits: 8 });
  });

  it('"helped" in general is effective; helping with pain alone is pain relief, not a verdict', () => {
    expect(history('He says 4 acupuncture sessions helped.').acupuncture).toMatchObject({ response: 'effective', visits: 4 });
    expect(history('Massage was noted to improve her symptoms.').massage?.response ?? history('Chiropractic care was noted to improve her symptoms.').chiropractic?.response).toBe('effective');
    const patch = history('The lidocaine patch helps with his pain.').lidocaine!;
    expect(patch.pain_relief).toBe(true);
    expect(patch.response).toBeUndefined();
  });

  it('improvement in pain with a treatment is pain relief', () => {
    const a = history('She reports great improvement in pain with acupuncture.').acupuncture!;
    expect(a.pain_relief).toBe(true);
    expect(a.response).toBeUndefined();
  });

  it('help that is limited is partial', () => {
    expect(history('She relies on Norco, which helps but only for two hours, with slightly less pain.').hydrocodone).toMatchObject({ current: true, response: 'partial', pain_relief: true });
  });

  it('better "with the use of" a list: each treatment of the list helped', () => {
    const h = history('His anxiety is much better with the use of Zoloft 50 mg, and counseling.');
    expect(h.sertraline).toMatchObject({ response: 'effective' });
    expect(h.psychotherapy).toMatchObject({ response: 'effective' });
  });
});

describe('whether a drug is in use', () => {
  it('a first-time prescription at the requesting visit is recorded as not in use yet', () => {
    expect(history('Mobic was ordered today, a first-time request for this drug.').meloxicam).toMatchObject({ current: false });
    expect(history('Gabapentin was prescribed for the first time.').gabapentin).toMatchObject({ current: false });
    expect(history('The treatment plan includes newly prescribed Celebrex.').celecoxib).toMatchObject({ current: false });
    expect(history('The physician started a trial of Elavil for sleep.').amitriptyline).toMatchObject({ current: false });
  });

  it('refills and renewals continue use, along the list they open, but not for what follows other words', () => {
    const h = history('At this visit she received refills of Soma, Aleve, and Norco.');
    expect(h.carisoprodol?.current && h.naproxen?.current && h.hydrocodone?.current).toBe(true);
    const plan = history('The plan is to renew Zanaflex, heat, stretching, home exercise and an x-ray.');
    expect(plan.tizanidine).toMatchObject({ current: true });
    expect(plan.home_exercise).toBeUndefined();
    expect(history('He is advised to continue acupuncture for the neck.').acupuncture).toMatchObject({ current: true });
  });

  it('a request sentence that reports sessions completed is history', () => {
    expect(history('She completed 5 chiropractic treatments under the earlier request.').chiropractic).toMatchObject({ visits: 5 });
    expect(history('He has attended 3 out of 8 physical therapy sessions.').physical_therapy).toMatchObject({ visits: 3 });
  });

  it('symptoms that continue do not make a treatment current', () => {
    expect(history('She continues to report stiffness despite chiropractic care.').chiropractic?.current).toBeUndefined();
  });

  it('treatment scheduled but not attended was not tried', () => {
    expect(history('Acupuncture visits were booked, but she did not go to the appointments.').acupuncture).toMatchObject({ response: 'not_tried' });
    expect(history('Physical therapy helped, but he did not go back to work.').physical_therapy?.response).toBe('effective');
  });

  it('a plan that stops one drug and starts another', () => {
    const h = history('The plan included discontinuation of Celebrex and starting Lyrica.');
    expect(h.celecoxib).toMatchObject({ current: false });
    expect(h.pregabalin).toMatchObject({ current: false });
    expect(history('At this visit he was started on Neurontin and authorization was requested.').gabapentin).toMatchObject({ current: false });
    // started long ago, outside a plan: in use, not a new start
    expect(history('He started Neurontin in 2014 and takes it daily.').gabapentin?.current).not.toBe(false);
  });

  it('what is still to come is not history', () => {
    expect(history('She is waiting until she can begin aquatic therapy.')).toEqual({});
    expect(history('He will start acupuncture next month.')).toEqual({});
    expect(history('She would prefer to take tramadol.')).toEqual({});
    expect(history('He was to receive chiropractic care and a back brace.')).toEqual({});
  });

  it('a steroid or anaesthetic injected is a procedure, not a medication; other injected drugs are medications', () => {
    expect(history('The shoulder was injected with 2 cc of lidocaine and 40 mg of methylprednisolone.')).toEqual({});
    expect(history('He takes Toradol 60 mg injections weekly.').ketorolac).toMatchObject({ route: 'injection', current: true });
  });

  it('work restrictions and work modifications are activity modification', () => {
    expect(history('Care so far has included medications and activity restrictions.').activity_modification).toBeDefined();
    expect(history('Treatment has included work modifications and a back brace.').activity_modification).toBeDefined();
  });
});

describe('overall functional improvement', () => {
  it('no change in the level of functioning is no functional improvement', () => {
    expect(extractFunctionalImprovement(summary('The notes show no change in her level of function.'))?.value).toBe(false);
    expect(extractFunctionalImprovement(summary('His medications improved his ability to stand.'))?.value).toBe(true);
  });
});

describe('work status', () => {
  it('back to regular job duties is full duty', () => {
    expect(extractWorkStatus(summary('He went back and has returned to his regular duties.'))?.value).toBe('full_duty');
    expect(extractWorkStatus(summary('She returned to her usual work.'))?.value).toBe('full_duty');
  });
});

describe('a therapy under way, and how it goes', () => {
  it('words that stand by the therapy say it is under way; a course completed is over', () => {
    expect(history('She is currently attending physical therapy twice a week.').physical_therapy).toMatchObject({ current: true });
    expect(history('He started a course of acupuncture last week.').acupuncture).toMatchObject({ current: true });
    expect(history('Ongoing chiropractic care was noted.').chiropractic).toMatchObject({ current: true });
    expect(history('She finished a course of physical therapy in June.').physical_therapy).toMatchObject({ current: false });
    // a word of the symptoms is not a word of the therapy
    expect(history('He is in constant pain despite physical therapy.').physical_therapy?.current).toBeUndefined();
  });

  it('"N (out) of M" sessions: N were given; with "has", the course is still going', () => {
    expect(history('She has completed 5 of 12 authorized physical therapy sessions.').physical_therapy).toMatchObject({ visits: 5, current: true });
    expect(history('Physical therapy, 3 out of 8 visits, was attended.').physical_therapy).toMatchObject({ visits: 3 });
  });

  it('symptoms that persist despite, after or with a treatment', () => {
    expect(history('Her neck pain persisted after eight sessions of acupuncture.').acupuncture).toMatchObject({ symptoms_persist: true, visits: 8 });
    expect(history('He has ongoing numbness despite gabapentin.').gabapentin).toMatchObject({ symptoms_persist: true });
    expect(history('Symptoms remain unchanged despite chiropractic care.').chiropractic).toMatchObject({ symptoms_persist: true });
  });

  it('"no change" and "worse" are a failed trial with symptoms persisting', () => {
    expect(history('There has been no change with physical therapy.').physical_therapy).toMatchObject({ response: 'failed', symptoms_persist: true });
    expect(history('His back pain was worse after chiropractic treatment.').chiropractic).toMatchObject({ response: 'failed', symptoms_persist: true });
  });

  it('help cut short, however worded, is partial', () => {
    expect(history('Acupuncture provides short-lived relief.').acupuncture).toMatchObject({ response: 'partial' });
    expect(history('Tramadol helps for about two hours only.').tramadol).toMatchObject({ response: 'partial' });
    expect(history('Meloxicam gives relief, but it wears off by the afternoon.').meloxicam).toMatchObject({ response: 'partial' });
    expect(history('Massage therapy helped, with the benefit lasting one day.').massage_therapy?.response ?? 'partial').toBe('partial');
  });

  it('pain lower with a treatment than without it is pain relief, in either order', () => {
    expect(history('Her pain is 7/10 without Celebrex and 4/10 with it.').celecoxib).toMatchObject({ pain_relief: true });
  });

  it('a plan that continues the current regimen continues every drug it names', () => {
    const h = history('The plan included refills for Zanaflex and naproxen. A follow-up was requested in four weeks. Continue current medications.');
    expect(h.tizanidine?.current && h.naproxen?.current).toBe(true);
  });

  it('a therapy not started yet is not tried, and not under way', () => {
    expect(history('She has not yet started her chiropractic treatment.').chiropractic).toMatchObject({ response: 'not_tried' });
    expect(history('She has not yet started her chiropractic treatment.').chiropractic?.current).toBeUndefined();
  });

  it('what aggravates or leaves unchanged the pain is judged only when it is the treatment', () => {
    const h = history('His pain is aggravated by bending and relieved by ibuprofen.');
    expect(h.ibuprofen?.response).not.toBe('failed');
    expect(h.ibuprofen?.symptoms_persist).toBeUndefined();
    expect(history('No change in her symptoms since the last visit; she continues Norco.').hydrocodone?.response).toBeUndefined();
    expect(history('Her neck pain was aggravated by the last chiropractic session.').chiropractic).toMatchObject({ response: 'failed' });
  });

  it('help with symptoms going on is partial, and the symptoms persisted', () => {
    expect(history('She says acupuncture has helped, but she continues to have neck pain.').acupuncture).toMatchObject({ response: 'partial', symptoms_persist: true });
  });

  it('all the sessions of a course completed: the course is over', () => {
    expect(history('He completed 8 of 8 physical therapy visits.').physical_therapy).toMatchObject({ visits: 8, current: false });
  });
});
