/** The summary's own list of the treatment to date, read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractTreatmentToDate } from '../../src/import/extract/treatment-list.js';
import { summary } from './summary.js';

const list = (text: string) => extractTreatmentToDate(summary(text))?.value;

describe('treatment to date', () => {
  it('the list after "Treatment to date has included": catalog treatments and classes, and the rest as written', () => {
    expect(list('Treatment to date has included physical therapy, NSAIDs, a home exercise program and work restrictions.')).toEqual({
      listed: ['physical_therapy', 'nsaid', 'home_exercise', 'activity_modification'],
    });
    expect(list('Treatment to date has included medications and diagnostic studies.')).toEqual({ listed: [], other: ['medications', 'diagnostic studies'] });
  });

  it('the other ways summaries open the list', () => {
    for (const s of [
      'Prior treatment included acupuncture.',
      'Past treatments have included acupuncture.',
      'Conservative care has consisted of acupuncture.',
      "The patient's treatment history includes acupuncture.",
      'To date, treatment has included acupuncture.',
      'She has been treated conservatively with acupuncture.',
      'Relevant treatments have included: acupuncture.',
      'Treatment and evaluation to date have included acupuncture.',
    ]) expect(list(s)?.listed, s).toEqual(['acupuncture']);
  });

  it('an item the list denies is not listed', () => {
    expect(list('Treatment to date has included no prior chiropractic care.')?.listed).toEqual([]);
  });

  it('a plan or a medication list is not a list of the treatment to date', () => {
    expect(list('The treatment plan included physical therapy and an MRI.')).toBeUndefined();
    expect(list('Current medications include naproxen and omeprazole.')).toBeUndefined();
  });

  it('lists in several sentences add up', () => {
    expect(list('Prior treatment included physical therapy. Treatment to date has also included chiropractic care.')?.listed).toEqual(['physical_therapy', 'chiropractic']);
  });
});
