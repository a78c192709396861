/**
 * The rationale reader on rationales written for these tests (not taken from any letter): what
 * counts as the reviewer's reason, what is only a restated guideline, and which reason comes first.
 */
import { describe, expect, it } from 'vitest';
import { reasonData } from '../../src/rationale/reason-data.js';
import { readRationale } from '../../src/rationale/read-rationale.js';
import { bundledRuleset } from '../helpers.js';

const read = (rationale: string, request?: string) => {
  const ruleset = bundledRuleset();
  const r = readRationale(rationale, { data: reasonData(ruleset.dir), request, catalog: ruleset.catalog });
  return { codes: r.reasons.map((x) => x.code), primary: r.primary, necessary: r.necessary, reasons: r.reasons };
};

describe('readRationale', () => {
  it('reads the reviewer applying the guideline, not the guideline restated', () => {
    const r = read(
      'ODG recommends imaging only after failure of conservative care and when red flags are present. ' +
        'In this case, the records show no neurological deficit on examination. The request is not medically necessary.',
    );
    expect(r.codes).toEqual(['no_objective_findings']);
    expect(r.necessary).toBe(false);
    expect(r.reasons[0]!.sentence).toMatch(/^In this case, the records show no neurological deficit/);
  });

  it('gives each reason once, in the order the reviewer gives them, with its sentence', () => {
    const r = read(
      'The patient has had 12 prior sessions without documented functional improvement. The request exceeds the guideline allowance of 10 visits. ' +
        'There are no red flags. Therefore, the request is not medically necessary.',
    );
    expect(r.codes).toEqual(['no_functional_improvement', 'exceeds_quantity_or_duration', 'no_red_flags']);
    expect(r.primary).toBe('no_functional_improvement');
  });

  it('makes the generic code primary only when nothing more specific is said', () => {
    expect(read('There was no clear rationale provided for the request. There is no evidence of red flags. The request is not medically necessary.').primary).toBe('no_red_flags');
    const generic = read('There was no clear rationale provided for the request. The request is not medically necessary.');
    expect(generic.codes).toEqual(['missing_documentation']);
    expect(generic.primary).toBe('missing_documentation');
  });

  it('reads a conclusion of medical necessity as criteria met, whatever else the rationale says', () => {
    const r = read('There is no CURES review documented, but given the acute fractures the request is medically necessary.');
    expect(r.codes).toEqual(['criteria_met']);
    expect(r.necessary).toBe(true);
    expect(read('The quantity requested cannot be deemed medically necessary.').necessary).toBe(false);
  });

  it('reads only the clause after "but" or after an "although" clause', () => {
    expect(read('The exam shows nerve root compromise, but there is no documentation of a trial of conservative care.').codes).toEqual(['no_failed_conservative_care']);
    expect(read('Although there was evidence of nerve root impingement, the record failed to show a trial of conservative treatment.').codes).toEqual(['no_failed_conservative_care']);
  });

  it('skips a supposed lack and a long quotation of the guideline', () => {
    expect(read('The patient should be referred to pain management if there is no improvement in function.').codes).toEqual([]);
    expect(read('The records were reviewed: "imaging is not indicated when there is no neurological deficit and no red flag is present on the examination". The request is not medically necessary.').codes).toEqual([]);
  });

  it('ties a plain "not recommended" to the request it names, not to another treatment', () => {
    const guideline = 'The MTUS states that topical muscle relaxants are not recommended. The request is not medically necessary.';
    expect(read(guideline, 'Cyclobenzaprine 5% cream 120g').codes).toEqual(['not_recommended']);
    expect(read(guideline, 'Ibuprofen 800mg #60').codes).toEqual([]);
    // limited to some cases: a criterion, not a verdict
    expect(read('Opioids are not recommended as a first line treatment. The request is not medically necessary.', 'Tramadol 50mg #60').codes).toEqual([]);
  });

  it('reads "the only recommended form is Y" as a verdict on every other form', () => {
    const only = 'Guidelines state the only recommended topical formulation of lidocaine is in the form of the Lidoderm patch. The request is not medically necessary.';
    expect(read(only, 'Lidocaine 5% ointment 30g').codes).toEqual(['not_recommended']);
    expect(read(only, 'Lidoderm 5% patch #30').codes).toEqual([]);
  });

  it('reads a service that follows a denied surgery, and an unclear request', () => {
    expect(read('Since the requested surgery is not medically necessary, the post-operative therapy is not medically necessary.').codes).toEqual(['associated_treatment_not_necessary']);
    expect(read('The request does not specify the quantity of the medication. The request is not medically necessary.').codes).toEqual(['request_unclear_or_mismatch']);
  });
});
