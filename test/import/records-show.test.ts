/** What the records show was requested, when a summary sentence contrasts it with the item as worded (made-up sentences). */
import { describe, expect, it } from 'vitest';
import { extractRecordsShow } from '../../src/import/extract/records-show.js';
import { bundledRuleset } from '../helpers.js';
import { summary } from './summary.js';

const shown = (text: string, item: { treatment?: string; route?: string; strength?: string }) =>
  extractRecordsShow(summary(text), item, bundledRuleset().catalog)?.value;

describe('the request as the records show it', () => {
  it('two versions of the same treatment set against each other: the one unlike the item is on record', () => {
    expect(shown('The RFA listed diclofenac tablets; however, the prescription on file was for diclofenac 1% gel.', { treatment: 'diclofenac', route: 'oral' }))
      .toMatchObject({ treatment: 'diclofenac', route: 'topical' });
    expect(shown('The request was for lidocaine 5% patches, whereas the progress report ordered lidocaine injection.', { treatment: 'lidocaine', route: 'topical' }))
      .toMatchObject({ route: 'injection' });
  });

  it('another strength of the same route is on record too', () => {
    expect(shown('The request for authorization named gabapentin 600 mg, but the progress note prescribed gabapentin 300 mg.', { treatment: 'gabapentin', route: 'oral', strength: '600 mg' }))
      .toMatchObject({ strength: '300mg' });
  });

  it('no contrast, one version only, or the same version twice: nothing', () => {
    expect(shown('The request for authorization was for diclofenac 1% gel.', { treatment: 'diclofenac', route: 'topical' })).toBeUndefined();
    expect(shown('The RFA was for diclofenac gel; however, the patient prefers ibuprofen.', { treatment: 'diclofenac', route: 'topical' })).toBeUndefined();
    expect(shown('The RFA was for diclofenac gel, but the records also list diclofenac gel.', { treatment: 'diclofenac', route: 'topical' })).toBeUndefined();
  });
});
