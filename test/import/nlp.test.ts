/** The importer's reading tools: dates, negation, citations. */
import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../src/import/letter/citations.js';
import { findDates } from '../../src/import/nlp/dates.js';
import { sentencesOf } from '../../src/import/nlp/sentences.js';
import { assertionOf } from '../../src/import/nlp/negation.js';

const assertion = (s: string, term: string) => assertionOf(s, s.indexOf(term), s.indexOf(term) + term.length);

describe('dates as letters write them', () => {
  it('numeric, two-digit years, wrapped lines and written months; no partial dates', () => {
    expect(findDates('injury on 10-13-16; dated 10-30- 2016 and 11/18/ 2016; October 10, 2015; in March 2015; L4-5; 2-3/10').map((d) => d.iso))
      .toEqual(['2016-10-13', '2016-10-30', '2016-11-18', '2015-10-10']);
    expect(findDates('on 02/30/2016')).toEqual([]);
  });
});

describe('NegEx-style assertion', () => {
  it.each([
    ['Since the claimant does not have CRPS or post-herpetic neuralgia, ...', 'post-herpetic neuralgia', 'negated'],
    ['She denied any pain, numbness, tingling or weakness of her arms.', 'weakness', 'negated'],
    ['The exam revealed pain to percussion and negative straight leg raising.', 'straight leg raising', 'negated'],
    ["Spurling's test was negative.", "Spurling's", 'negated'],
    ['lumbar disc displacement without myelopathy, and major depression', 'major depression', 'affirmed'],
    ['MRI of the right shoulder to rule out rotator cuff tear', 'rotator cuff tear', 'uncertain'],
    ['possible radiculopathy', 'radiculopathy', 'uncertain'],
    ['There is no documentation of radiculopathy.', 'radiculopathy', 'uncertain'],
    ['She has a family history of diabetes.', 'diabetes', 'other'],
    ['There is no evidence of radiating pain, but tenderness was present.', 'tenderness', 'affirmed'],
    ['She continues to experience neck pain with radicular symptoms.', 'radicular symptoms', 'affirmed'],
    ['He denied nausea, vomiting, diarrhea, constipation, fever, chills, headaches, or palpitations.', 'headaches', 'negated'],
    ['Stability was intact with negative anterior and posterior drawer signs.', 'drawer signs', 'negated'],
    ['Exam showed no swelling or warmth, tenderness over the medial and lateral joint lines, and crepitus.', 'tenderness', 'affirmed'],
    ['The exam showed negative SLR and tenderness of the low back.', 'tenderness', 'affirmed'],
    ["The note made no mention of the applicant's having issues with upper extremity paresthesias.", 'paresthesias', 'uncertain'],
    ['He could not manage at home with his wife, as he was unable to transfer.', 'unable to transfer', 'affirmed'],
    ['His mother has diabetes.', 'diabetes', 'other'],
    ['Massage was tried without documentation of objective functional improvement.', 'functional improvement', 'uncertain'],
    ['Care has included massage (without any documented benefit) and activity modification.', 'activity modification', 'affirmed'],
  ])('%s [%s] is %s', (sentence, term, expected) => {
    expect(assertion(sentence, term)).toBe(expected);
  });
});

describe('reviewer citations', () => {
  it('several MTUS documents joined by ", and", a comma inside a chapter name, non-MTUS sources', () => {
    const c = parseCitations('Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies, and Chronic Pain Medical Treatment 2016, Section(s): NSAIDs (non-steroidal anti-inflammatory drugs), NSAIDs, GI symptoms & cardiovascular risk. Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.', '2016-12-01');
    expect(c.map(({ text: _t, ...rest }) => rest)).toEqual([
      { document: 'MTUS ACOEM Practice Guidelines, Forearm, Wrist, and Hand Complaints', edition: '2004', sections: ['Special Studies'], mtus: true },
      { document: 'MTUS Chronic Pain Medical Treatment Guidelines', edition: '2016', sections: ['NSAIDs (non-steroidal anti-inflammatory drugs)', 'NSAIDs, GI symptoms & cardiovascular risk'], mtus: true },
      { document: 'ACOEM Occupational Medicine Practice Guidelines', edition: '3rd', sections: ['Low Back Disorders'], pages: '607', mtus: false },
    ]);
  });

  it('an undated Chronic Pain citation takes the edition in force at the letter date', () => {
    const cite = 'Decision based on MTUS Chronic Pain Treatment Guidelines opioids Page(s): 82-92.';
    expect(parseCitations(cite, '2015-01-27')[0]).toMatchObject({ edition: '2009', sections: ['Opioids'], pages: '82-92' });
    expect(parseCitations(cite, '2016-12-01')[0]).toMatchObject({ edition: '2016' });
  });

  it('numbered opioid sections split at their numbers', () => {
    const [c] = parseCitations('Decision based on MTUS Opioid Treatment 2016, Section(s): 4.1 Tapering Opioids: Indications for Tapering Opioids, 4.2 Tapering Opioids: Methods for Tapering Opioids.', undefined);
    expect(c!.sections).toEqual(['4.1 Tapering Opioids: Indications for Tapering Opioids', '4.2 Tapering Opioids: Methods for Tapering Opioids']);
  });
});

describe('sentences', () => {
  const sentences = (t: string) => sentencesOf(t, { start: 0, end: t.length }).map((s) => s.text);
  it('a bracket or quotation left open does not swallow the rest of the summary', () => {
    expect(sentences('He is treated for [neck pain, back strain. He walks daily. She drives.')).toHaveLength(3);
    expect(sentences('She said "it hurts. I cannot sleep. He walks daily.')).toHaveLength(3);
    expect(sentences('He said "stop now" and left. She stayed.')).toHaveLength(2);
  });

  it('a full stop with no space after it ends a sentence', () => {
    expect(sentences('The plan includes an MRI of the hand.The x-ray showed arthritis.')).toEqual(['The plan includes an MRI of the hand.', 'The x-ray showed arthritis.']);
  });

  it('a sentence ending in a number ends there', () => {
    expect(sentences('Pain is rated 7 out of 10. Per the report, he walks.')).toEqual(['Pain is rated 7 out of 10.', 'Per the report, he walks.']);
    expect(sentences('A dose of 2.5 mg was given.')).toHaveLength(1);
  });
});
