import { describe, expect, it } from 'vitest';
import type { Case, DisputedItem } from '../../src/model/case-schema.js';
import { computeFact } from '../helpers.js';

/** The fact for the first item of a case, with the item resolved from its request text as predictions do. */
function fact(name: string, kase: Partial<Case>, items: DisputedItem[], opts: { necessary?: boolean } = {}) {
  const surgery = opts.necessary === undefined ? undefined : { request: items[1]?.request ?? '', prediction: 'overturned' as const, necessary: opts.necessary };
  return computeFact(name, { kase, items, date: '2017-01-10', resolve: true, ...(surgery ? { surgery } : {}) });
}

const pt = (request: string, more: Partial<DisputedItem> = {}): DisputedItem => ({ request, ...more });

describe('therapy course facts', () => {
  it('a first course is what the records show: not tried or zero visits, never assumed', () => {
    const item = [pt('Physical therapy 2 times a week for 3 weeks')];
    expect(fact('first_course', { treatments: [{ treatment: 'physical_therapy', response: 'not_tried' }] }, item)).toBe(true);
    expect(fact('first_course', { treatments: [{ treatment: 'physical_therapy', visits: 0 }] }, item)).toBe(true);
    expect(fact('first_course', { treatments: [{ treatment: 'physical_therapy' }] }, item)).toBe(false);
    expect(fact('first_course', { treatments: [{ treatment: 'chiropractic', visits: 6 }] }, item)).toBeUndefined();
    expect(fact('first_course', {}, item)).toBeUndefined();
  });

  it('cumulative visits add completed sessions, the part UR approved and the sessions disputed', () => {
    const done = { treatments: [{ treatment: 'physical_therapy' as const, visits: 8 }] };
    expect(fact('cumulative_visits', done, [pt('Physical therapy 2 times a week for 3 weeks')])).toBe(14);
    expect(fact('course_visits', done, [pt('Physical therapy x 6', { ur_approved: { visits: 6 } })])).toBe(12);
    expect(fact('cumulative_visits', done, [pt('Physical therapy x 6', { ur_approved: { visits: 6 } })])).toBe(20);
    const first = { treatments: [{ treatment: 'physical_therapy' as const, response: 'not_tried' as const }] };
    expect(fact('cumulative_visits', first, [pt('Physical therapy x 6', { ur_approved: { visits: 6 } })])).toBe(12);
  });

  it('cumulative visits stay undocumented when the count of earlier sessions or of the approved part is unknown', () => {
    expect(fact('cumulative_visits', { treatments: [{ treatment: 'physical_therapy' }] }, [pt('Physical therapy x 6')])).toBeUndefined();
    expect(fact('course_visits', {}, [pt('Physical therapy x 6', { ur_approved: { text: 'some visits' } })])).toBeUndefined();
    expect(fact('cumulative_visits', { treatments: [{ treatment: 'physical_therapy', visits: 6 }] }, [pt('Physical therapy for the knee')])).toBeUndefined();
  });

  it('therapy after a surgery not yet done starts a first course, whatever therapy came before it', () => {
    const kase = { treatments: [{ treatment: 'physical_therapy' as const, visits: 12, functional_improvement: false }] };
    const postOp = pt('Associated surgical service: Physical therapy, times 12', { associated_surgery: 'shoulder_arthroscopy' });
    const surgery = pt('Left shoulder arthroscopy with Bankart repair');
    expect(fact('first_course', kase, [postOp, surgery])).toBe(true);
    expect(fact('cumulative_visits', kase, [postOp, surgery])).toBe(12);
    expect(fact('first_course', { ...kase, procedures: [] }, [postOp])).toBe(true);
    expect(fact('first_course', kase, [postOp], { necessary: true })).toBe(true);
    // The surgery done, no therapy on record since: nothing to go on.
    expect(fact('first_course', { ...kase, procedures: [{ procedure: 'shoulder_arthroscopy', date: '2016-12-01' }] }, [postOp])).toBeUndefined();
  });

  it('after a surgery, only therapy from the surgery date on belongs to the course', () => {
    const kase: Partial<Case> = {
      procedures: [{ procedure: 'shoulder_arthroscopy', date: '2016-10-01' }],
      treatments: [
        { treatment: 'physical_therapy', start: '2016-06-01', visits: 10, functional_improvement: false },
        { treatment: 'physical_therapy', start: '2016-10-15', visits: 12, functional_improvement: true },
      ],
    };
    const postOp = pt('Post-operative physical therapy 2 times a week for 6 weeks', { associated_surgery: 'shoulder_arthroscopy' });
    expect(fact('first_course', kase, [postOp])).toBe(false);
    expect(fact('cumulative_visits', kase, [postOp])).toBe(24);
    expect(fact('therapy_functional_improvement', kase, [postOp])).toBe(true);
  });

  it('functional improvement is read from the sessions of this therapy only', () => {
    const item = [pt('Chiropractic care for the low back; six sessions')];
    expect(fact('therapy_functional_improvement', { treatments: [{ treatment: 'chiropractic', visits: 6, functional_improvement: true }] }, item)).toBe(true);
    expect(fact('therapy_functional_improvement', { treatments: [{ treatment: 'chiropractic', visits: 6, functional_improvement: false }] }, item)).toBe(false);
    expect(fact('therapy_functional_improvement', { treatments: [{ treatment: 'physical_therapy', functional_improvement: true }] }, item)).toBeUndefined();
    // No session given yet: none can have brought improvement.
    expect(fact('therapy_functional_improvement', { treatments: [{ treatment: 'chiropractic', response: 'not_tried' }] }, item)).toBe(false);
  });

  it('reads the request: weekly frequency, sessions or home use, and the kinds of the accompanying surgery', () => {
    expect(fact('weekly_frequency_stated', {}, [pt('Physical therapy 2 times a week for 3 weeks')])).toBe(true);
    expect(fact('weekly_frequency_stated', {}, [pt('Eight physical therapy sessions')])).toBe(false);
    expect(fact('supervised_sessions', {}, [pt('Ice/Heat pads therapy times 6')])).toBe(true);
    expect(fact('supervised_sessions', {}, [pt('Hot/cold packs for home use')])).toBe(false);
    expect(fact('supervised_sessions', {}, [pt('Heat therapy')])).toBeUndefined();
    // Equipment is used by the worker, never given in sessions.
    expect(fact('supervised_sessions', {}, [pt('Heating pad', { treatment: 'heating_pad' })])).toBe(false);
    expect(fact('associated_surgery_kinds', {}, [pt('Post-op PT x 12', { associated_surgery: 'lumbar_fusion' })])).toEqual(
      expect.arrayContaining(['lumbar_fusion', 'fusion', 'spine_surgery', 'surgery']),
    );
    expect(fact('associated_surgery_kinds', {}, [pt('Physical therapy x 6')])).toBeUndefined();
    expect(fact('accompanies_surgery', {}, [pt('Post-op PT x 12', { associated_surgery: 'lumbar_fusion' })])).toBe(true);
    expect(fact('accompanies_surgery', {}, [pt('TENS unit')])).toBe(false);
  });
});
