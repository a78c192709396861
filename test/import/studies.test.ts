/** Prior studies read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractStudies } from '../../src/import/extract/studies.js';
import { summary } from './summary.js';

const studies = (text: string) => extractStudies(summary(text)).map(({ value: { result: _r, ...st } }) => st);

describe('prior studies', () => {
  it('studies listed among what treatment "has included", each with its region', () => {
    expect(studies('Treatment and diagnostic studies to date has included medications, radiographs to the right knee, and x-rays of the skull and face.'))
      .toEqual([{ study: 'xray', body_region: ['knee'] }, { study: 'xray', body_region: ['head'] }]);
  });

  it('a study requested and done the same day is the request itself, not a prior study', () => {
    expect(studies('On November 18, 2016 the physician requested computed tomography of the cervical spine that was performed on this date revealing a fracture.')).toEqual([]);
    expect(studies('A CT of the cervical spine performed on November 18, 2016 revealed a fracture.')).toEqual([{ study: 'ct', body_region: ['cervical'], date: '2016-11-18' }]);
  });
});
