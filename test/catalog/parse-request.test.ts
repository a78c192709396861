import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/catalog/parse-request.js';
import { bundledRuleset } from '../helpers.js';

const parse = (text: string) => parseRequest(text, bundledRuleset().catalog);

describe('request lines to normalised items', () => {
  it('brand names resolve to the generic drug with strength, quantity and frequency', () => {
    expect(parse('Flexeril 7.5 mg one (1) q8hrs #90')).toMatchObject({ treatment: 'cyclobenzaprine', strength: '7.5mg', quantity: 90, frequency: 'q8hrs' });
  });

  it('a cream is topical; an injection vial is an injection; IV is intravenous', () => {
    expect(parse('Ketamine 5% cream #60 gr')).toMatchObject({ treatment: 'ketamine', route: 'topical', strength: '5%', quantity: 60 });
    expect(parse('Ketamine HCL INJ USP C 100mg/ML Vial')).toMatchObject({ treatment: 'ketamine', route: 'injection' });
    expect(parse('IV Ketamine infusion therapy 1 week for CRPS upper limbs')).toMatchObject({ treatment: 'ketamine', route: 'intravenous' });
  });

  it('several drugs in one product make a compound', () => {
    expect(parse('Flurbiprofen 10%/Dextromethorphan 5%/Lidocaine 5%, 120grams #1')).toMatchObject({
      ingredients: ['flurbiprofen', 'dextromethorphan', 'lidocaine'],
      route: 'topical',
    });
    expect(parse('Cyclophene 5% cream 111.2 grams')).toMatchObject({ treatment: 'cyclophene' });
  });

  it('visit counts from sessions per week times weeks', () => {
    expect(parse('Physical therapy two times a week for three weeks for lumbar')).toMatchObject({ treatment: 'physical_therapy', visits: 6, weeks: 3, body_region: ['lumbar'] });
    expect(parse('Acupuncture therapy sessions lumbar spine #6')).toMatchObject({ treatment: 'acupuncture', visits: 6 });
    expect(parse('Twelve physical therapy sessions, three times weekly, for the right elbow')).toMatchObject({ visits: 12, side: 'right', body_region: ['elbow'] });
  });

  it('spinal levels, side and region', () => {
    expect(parse('Bilateral diagnostic medial branch block at L4, L5 and S1')).toMatchObject({
      treatment: 'medial_branch_block', side: 'bilateral', levels: ['L4', 'L5', 'S1'], body_region: ['lumbar'],
    });
  });

  it('states nothing the text does not state', () => {
    const p = parse('MRI of the right shoulder without contrast');
    expect(p).toMatchObject({ treatment: 'mri', side: 'right', body_region: ['shoulder'] });
    expect(p.quantity).toBeUndefined();
    expect(p.frequency).toBeUndefined();
    expect(p.visits).toBeUndefined();
  });
});
