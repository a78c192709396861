/** Prior studies read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractStudies } from '../../src/import/extract/studies.js';
import { summary } from './summary.js';

const studies = (text: string) => extractStudies(summary(text)).map(({ value: { result: _r, ...st } }) => st);

describe('prior studies', () => {
  it('studies listed among what treatment "has included", each with its region', () => {
    expect(studies('Diagnostic studies to date have included radiographs of the left hip, and x-rays of the facial bones.'))
      .toEqual([{ study: 'xray', body_region: ['hip'] }, { study: 'xray', body_region: ['head'] }]);
  });

  it('a study requested and done the same day is the request itself, not a prior study', () => {
    expect(studies('The surgeon requested an MRI of the knee, which was done that day and showed a meniscal tear.')).toEqual([]);
    expect(studies('An MRI of the knee performed on May 2, 2016 showed a meniscal tear.')).toEqual([{ study: 'mri', body_region: ['knee'], date: '2016-05-02' }]);
  });
});
