/**
 * The facts rules test about the course of care, its monitoring and the conditions behind a
 * request, read from made-up summary sentences: each is produced when stated, documented absent
 * when denied, and left alone when only planned, suspected or undocumented.
 */
import { describe, expect, it } from 'vitest';
import { extractConditions } from '../../src/import/extract/conditions.js';
import { extractFindings } from '../../src/import/extract/findings.js';
import { summary } from './summary.js';

const findings = (text: string) => {
  const f = extractFindings(summary(text));
  return { present: f.present.map((x) => x.value).sort(), absent: f.absent.map((x) => x.value).sort() };
};
const conditions = (text: string) => {
  const c = extractConditions(summary(text));
  return { present: c.present.map((x) => x.value).sort(), absent: c.absent.map((x) => x.value).sort() };
};

describe('opioid monitoring', () => {
  it('a urine drug screen and its result', () => {
    expect(findings('Her last urine drug screen on 08/02/2016 was consistent with the prescribed medications.').present).toContain('urine_drug_screen_consistent');
    expect(findings('The UDS was appropriate.').present).toContain('urine_drug_screen_consistent');
    const bad = findings('A urine toxicology screen was positive for cocaine.');
    expect(bad.present).toContain('urine_drug_screen_inconsistent');
    expect(bad.absent).toContain('urine_drug_screen_consistent');
    expect(findings('The drug screen was not consistent with his prescriptions.').present).toContain('urine_drug_screen_inconsistent');
  });

  it('a drug screen planned or without a result documents nothing', () => {
    expect(findings('A urine drug screen will be collected at the next visit to confirm compliance.').present).toEqual([]);
    expect(findings('A urine drug screen was requested.').present).toEqual([]);
  });

  it('CURES checked, an agreement signed, risk screened', () => {
    expect(findings('The CURES report was reviewed and showed a single prescriber.').present).toContain('cures_reviewed');
    expect(findings('The prescriber queried the PDMP at this visit.').present).toContain('cures_reviewed');
    expect(findings('He has signed a narcotic contract with this office.').present).toContain('opioid_agreement');
    expect(findings('An opioid treatment agreement is on file.').present).toContain('opioid_agreement');
    expect(findings('Her SOAPP-R score indicated low risk.').present).toContain('opioid_risk_screening');
    expect(findings('He was assessed as low risk for opioid misuse.').present).toContain('opioid_risk_screening');
  });

  it('denied, they are documented absent; planned, they are nothing', () => {
    expect(findings('There is no signed pain agreement.').absent).toContain('opioid_agreement');
    expect(findings('The physician plans to have her sign an opioid agreement.').present).not.toContain('opioid_agreement');
    expect(findings('The physician will check CURES before refilling.').present).not.toContain('cures_reviewed');
  });
});

describe('the course of care', () => {
  it('treatment goals stated', () => {
    expect(findings('Functional goals include lifting 20 pounds and sitting for an hour.').present).toContain('treatment_goals');
    expect(findings('The goal of therapy is to return to full duty.').present).toContain('treatment_goals');
  });

  it('pain medication reduced, in words or by a named analgesic', () => {
    expect(findings('She has been able to decrease her pain medications.').present).toContain('pain_medication_reduced');
    expect(findings('His opioid use was reduced by half.').present).toContain('pain_medication_reduced');
    expect(findings('He has been tapering his Percocet.').present).toContain('pain_medication_reduced');
  });

  it('pain medication not tolerated, in words or by a named analgesic', () => {
    expect(findings('She cannot tolerate oral pain medications.').present).toContain('pain_medication_not_tolerated');
    expect(findings('He is intolerant of anti-inflammatories.').present).toContain('pain_medication_not_tolerated');
    expect(findings('He could not tolerate tramadol because of dizziness.').present).toContain('pain_medication_not_tolerated');
    expect(findings('Ibuprofen was discontinued due to stomach upset.').present).not.toContain('pain_medication_not_tolerated');
    expect(findings('She stopped her medications due to side effects.').present).toContain('pain_medication_not_tolerated');
    expect(findings('He is able to tolerate his oral medications.').absent).toContain('pain_medication_not_tolerated');
  });

  it('a flare-up or a recurrence, but not one ruled out', () => {
    expect(findings('She presented with a flare-up of her neck pain.').present).toContain('flare_up');
    expect(findings('He reports an acute exacerbation of low back pain after lifting.').present).toContain('flare_up');
    expect(findings('There has been no flare of symptoms.').absent).toContain('flare_up');
  });

  it('an invasive procedure planned; one only considered, or done, is not', () => {
    expect(findings('The plan includes a right L5-S1 transforaminal epidural steroid injection.').present).toContain('invasive_procedure_planned');
    expect(findings('He is scheduled for a left knee arthroscopy.').present).toContain('invasive_procedure_planned');
    expect(findings('He underwent a knee arthroscopy in 2014.').present).not.toContain('invasive_procedure_planned');
    expect(findings('Retrospective request for the steroid injection given on 10/01/2016 (DOS).').present).not.toContain('invasive_procedure_planned');
  });
});

describe('electrodiagnostic results', () => {
  it('an abnormal study, with what it showed', () => {
    expect(findings('EMG/NCS of the lower extremities showed a chronic left L5 radiculopathy.').present).toEqual(expect.arrayContaining(['abnormal_electrodiagnostics', 'electrodiagnostic_radiculopathy']));
    expect(findings('Nerve conduction studies revealed moderate median neuropathy at the wrist.').present).toEqual(expect.arrayContaining(['abnormal_electrodiagnostics', 'ncs_confirms_carpal_tunnel']));
    expect(findings('She has EMG confirmed ulnar neuropathy.').present).toContain('abnormal_electrodiagnostics');
  });

  it('a normal study documents their absence; a study ordered has no result', () => {
    expect(findings('The EMG was normal.').absent).toContain('abnormal_electrodiagnostics');
    expect(findings('She had a normal nerve conduction study of the left arm.').absent).toContain('abnormal_electrodiagnostics');
    expect(findings('Electrodiagnostic studies showed no evidence of radiculopathy.').absent).toEqual(expect.arrayContaining(['abnormal_electrodiagnostics', 'electrodiagnostic_radiculopathy']));
    expect(findings('An EMG was ordered to evaluate for radiculopathy.').present).toEqual([]);
  });
});

describe('comorbidities and indications', () => {
  it('diseases of the heart, lungs, kidneys and liver, diabetes and hypertension by their common names and abbreviations', () => {
    expect(conditions('Past medical history is significant for DM, HTN, CAD and COPD.').present).toEqual(expect.arrayContaining(['diabetes', 'hypertension', 'cardiovascular_disease', 'pulmonary_disease']));
    expect(conditions('He has chronic kidney disease and hepatitis C.').present).toEqual(expect.arrayContaining(['renal_insufficiency', 'liver_disease']));
    expect(conditions('She has a history of atrial fibrillation.').present).toContain('cardiovascular_disease');
  });

  it('obesity from a body mass index of 30 or more; below 30 documents its absence', () => {
    expect(conditions('His BMI is 36.2.').present).toContain('obesity');
    expect(conditions('Body mass index was 26.').absent).toContain('obesity');
  });

  it('current smoking, and its absence in a non-smoker or a former smoker', () => {
    expect(conditions('He smokes one pack per day.').present).toContain('tobacco_use');
    expect(conditions('She is a current smoker.').present).toContain('tobacco_use');
    expect(conditions('He is a non-smoker.').absent).toContain('tobacco_use');
    expect(conditions('She is a former smoker who quit in 2010.').absent).toContain('tobacco_use');
    expect(conditions('He denies tobacco use.').absent).toContain('tobacco_use');
  });

  it('ulcers and bleeding of the digestive tract', () => {
    expect(conditions('He has a history of peptic ulcer disease.').present).toContain('peptic_ulcer');
    expect(conditions('She had an upper GI bleed in 2012.').present).toContain('gi_bleeding');
    expect(conditions('There is no history of GI bleeding.').absent).toContain('gi_bleeding');
  });

  it('multiple sclerosis, spinal cord injury and trigeminal neuralgia', () => {
    expect(conditions('She was diagnosed with relapsing-remitting multiple sclerosis.').present).toContain('multiple_sclerosis');
    expect(conditions('He has been quadriplegic since the accident.').present).toContain('spinal_cord_injury');
    expect(conditions('She suffers from tic douloureux.').present).toContain('trigeminal_neuralgia');
  });
});
