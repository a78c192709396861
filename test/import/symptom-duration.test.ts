/** How long the symptoms have lasted, read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractSymptomDurations } from '../../src/import/extract/symptom-duration.js';
import { summary } from './summary.js';

const INJURY = '2016-02-01';
const durations = (text: string) => extractSymptomDurations(summary(text), INJURY).map((d) => d.value);

describe('symptom duration', () => {
  it('"for" a number of days, weeks, months or years, hedged or not, as weeks (a lower bound)', () => {
    expect(durations('He has had neck pain for about 6 weeks.')).toEqual([expect.objectContaining({ weeks: 6, body_region: ['cervical'] })]);
    expect(durations('She reports right knee pain for more than two months.')).toEqual([expect.objectContaining({ weeks: 8.7 })]);
    expect(durations('The low back pain has been ongoing for over a year.')).toEqual([expect.objectContaining({ weeks: 52 })]);
    expect(durations('Numbness has been present for the past year.')).toEqual([expect.objectContaining({ weeks: 52 })]);
    expect(durations('He has had symptoms for years.')).toEqual([expect.objectContaining({ weeks: 104 })]);
  });

  it('a history of, months of, and "began ... ago"', () => {
    expect(durations('She has a 3-month history of wrist pain.')).toEqual([expect.objectContaining({ weeks: 13 })]);
    expect(durations('He describes 10 months of constant shoulder pain.')).toEqual([expect.objectContaining({ weeks: 43.3 })]);
    expect(durations('The tingling started about four weeks ago.')).toEqual([expect.objectContaining({ weeks: 4 })]);
    expect(durations('He first noticed pain in the right wrist about 2 years ago.')).toEqual([expect.objectContaining({ weeks: 104 })]);
    expect(durations('About 6 weeks ago she began to have numbness in the hand.')).toEqual([expect.objectContaining({ weeks: 6 })]);
    expect(durations('He had a knee arthroscopy 3 years ago.')).toEqual([]);
  });

  it('since a date, the injury, or the event of the sentence before', () => {
    expect(durations('He has had ankle pain since 08/15/2016.')).toEqual([expect.objectContaining({ onset: '2016-08-15' })]);
    expect(durations('The pain has persisted since the injury.')).toEqual([expect.objectContaining({ onset: INJURY })]);
    expect(durations('Since the work accident she has had daily headaches.')).toEqual([expect.objectContaining({ onset: INJURY })]);
    expect(durations('She fell from a ladder on 05/02/2016 and was seen on 05/09/2016. Since then she has had constant hip pain.')).toEqual([expect.objectContaining({ onset: '2016-05-09' })]);
  });

  it('since a month: its last day, the latest onset the words allow; a month without a year needs a dated note', () => {
    expect(durations('He has had back pain since March 2016.')).toEqual([expect.objectContaining({ onset: '2016-03-31' })]);
    expect(durations('At the visit of 11/20/2016 she reported pain since August.')).toEqual([expect.objectContaining({ onset: '2016-08-31' })]);
    expect(durations('She reported pain since August.')).toEqual([]);
  });

  it('the date of the note is kept with a duration, so the weeks can be counted to the request', () => {
    expect(durations('On 10/03/2016 he reported elbow pain for 3 weeks.')).toEqual([expect.objectContaining({ weeks: 3, as_of: '2016-10-03' })]);
  });

  it('durations of a treatment, of work, of a plan or a schedule are not the symptoms', () => {
    expect(durations('She has taken tramadol for pain for 8 months.')).toEqual([]);
    expect(durations('He has been off work for 6 weeks.')).toEqual([]);
    expect(durations('Physical therapy twice a week for 4 weeks was requested for his back pain.')).toEqual([]);
    expect(durations('He has worked as a driver for 12 years.')).toEqual([]);
    expect(durations('Follow-up in 4 weeks.')).toEqual([]);
    expect(durations('She has used ibuprofen since 06/01/2016 for knee pain.')).toEqual([]);
  });

  it('a denied symptom has no duration', () => {
    expect(durations('He denies any numbness for the last month.')).toEqual([]);
  });

  it('how long the symptoms were better is not how long they lasted', () => {
    expect(durations('Her wrist pain was better for two weeks after the injection.')).toEqual([]);
  });
});
