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
    expect(parse('Twelve physical therapy sessions, three times weekly, for the right elbow')).toMatchObject({ visits: 12, weeks: 4, side: 'right', body_region: ['elbow'] });
  });

  it('"times weekly" reads like "times a week"', () => {
    expect(parse('Physical therapy 2 times weekly for 6 weeks, lumbar spine')).toMatchObject({ visits: 12, weeks: 6 });
    expect(parse('Aquatic therapy three times weekly for four weeks')).toMatchObject({ treatment: 'aquatic_therapy', visits: 12, weeks: 4 });
    expect(parse('Chiropractic 2x/week x 4 weeks')).toMatchObject({ visits: 8, weeks: 4 });
  });

  it('a bare "x 3" counts sessions of a therapy or a procedure, not doses of a drug', () => {
    expect(parse('ESWT right shoulder x 3')).toMatchObject({ treatment: 'eswt', visits: 3, body_region: ['shoulder'] });
    expect(parse('Tramadol 50mg x 2').visits).toBeUndefined();
    expect(parse('Lumbar brace x 1').visits).toBeUndefined();
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

describe('request lines: equipment, studies, joints and strengths', () => {
  it('equipment for a stated time is a rental of that many days; a purchase is a purchase', () => {
    expect(parse('standard wheelchair for a 2 month rental')).toMatchObject({ treatment: 'wheelchair', acquisition: 'rental', rental_days: 60 });
    expect(parse('Associated surgical service: Cryotherapy unit, seven day use')).toMatchObject({ treatment: 'cold_therapy_unit', acquisition: 'rental', rental_days: 7 });
    expect(parse('Associated surgical service: Cold therapy for one week')).toMatchObject({ acquisition: 'rental', rental_days: 7 });
    expect(parse('purchase of a bath/shower chair')).toMatchObject({ acquisition: 'purchase' });
    // a drug or a therapy over a week is not a rental
    expect(parse('IV Ketamine infusion therapy 1 week for CRPS upper limbs').rental_days).toBeUndefined();
  });

  it('two studies that together make a combined study are that study; one study named twice is that study', () => {
    expect(parse('EMG/NCV of the bilateral lower extremities')).toMatchObject({ treatment: 'emg_ncs', side: 'bilateral', body_region: ['lower_extremity'] });
    expect(parse('EMG of the legs with nerve conduction velocity testing')).toMatchObject({ treatment: 'emg_ncs' });
    expect(parse('MRI (magnetic resonance imaging) of the cervical spine')).toMatchObject({ treatment: 'mri' });
    expect(parse('EMG bilateral lower extremities')).toMatchObject({ treatment: 'emg' });
  });

  it('an injection into a limb joint is intra-articular; spinal injections are not', () => {
    expect(parse('Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee')).toMatchObject({ route: 'intra_articular', retrospective: true, body_region: ['knee'] });
    expect(parse('Lumbar epidural steroid injection')).toMatchObject({ route: 'injection' });
  });

  it('a corticosteroid injected, with or without a local anaesthetic, is a corticosteroid injection, not a compound', () => {
    const knee = parse('Retrospective injection 5cc of lidocaine hcl 1percent and 1cc of dexamethasone 120mg to the right knee');
    expect(knee).toMatchObject({ treatment: 'corticosteroid_injection', route: 'intra_articular', body_region: ['knee'], side: 'right' });
    expect(knee.ingredients).toBeUndefined();
    expect(parse('Dexamethasone injection into the left shoulder')).toMatchObject({ treatment: 'corticosteroid_injection', route: 'intra_articular', body_region: ['shoulder'] });
    // a local anaesthetic alone, a spinal steroid injection and a topical compound stay what they are
    expect(parse('Lidocaine 1% injection')).toMatchObject({ treatment: 'lidocaine', route: 'injection' });
    expect(parse('Epidural steroid injection with dexamethasone at L4-5')).toMatchObject({ treatment: 'epidural_steroid_injection' });
    expect(parse('Dexamethasone 2%/Lidocaine 5% cream 120g')).toMatchObject({ ingredients: ['dexamethasone', 'lidocaine'], route: 'topical' });
  });

  it('a compound needs two different drugs: a generic with its brand in brackets is one drug', () => {
    const p = parse('Diazepam (Valium) 5mg #30');
    expect(p).toMatchObject({ treatment: 'diazepam', quantity: 30 });
    expect(p.ingredients).toBeUndefined();
  });

  it('patches are a form', () => {
    expect(parse('Lidoderm 5% patches #30')).toMatchObject({ treatment: 'lidocaine', form: 'patch', route: 'topical', quantity: 30 });
  });

  it('an oral suspension strength per millilitre is the strength, and the volume the quantity', () => {
    expect(parse('Synapryn (10mg/1ml oral suspension) 500ml')).toMatchObject({ treatment: 'synapryn', strength: '10mg/1ml', quantity: 500, route: 'oral' });
  });

  it('heat pads are not a topical drug; a wrist fracture and a carpal tunnel are the wrist', () => {
    expect(parse('Ice/Heat pads therapy times 6').route).toBeUndefined();
    expect(parse('Salonpas pad #60')).toMatchObject({ treatment: 'salonpas', route: 'topical', quantity: 60 });
    expect(parse('with open carpal tunnel release')).toMatchObject({ treatment: 'carpal_tunnel_release', body_region: ['wrist'] });
  });
});
