/** Examination findings and study results read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractFindings } from '../../src/import/extract/findings.js';
import { bundledRuleset } from '../helpers.js';
import { summary } from './summary.js';

const findings = (text: string) => {
  const f = extractFindings(summary(text));
  return { present: f.present.map((x) => x.value).sort(), absent: f.absent.map((x) => x.value).sort() };
};

describe('examination tests and their results', () => {
  it('"positive" before a list of tests applies to every test in it', () => {
    const f = findings("Exam showed positive Speed's, Yergason's and O'Brien's tests.");
    expect(f.present).toContain('shoulder_labral_signs');
    expect(findings("There was positive Hawkins' test, Kemp's test and Phalen's test.").present).toEqual(expect.arrayContaining(['impingement_sign', 'phalen_sign']));
  });

  it('"negative" before the list makes each test absent; a coordinated adjective does not break it', () => {
    expect(findings("Phalen's and Tinel's tests were negative.").absent).toEqual(expect.arrayContaining(['phalen_sign', 'tinel_sign']));
    expect(findings("Stability was intact with negative anterior and posterior drawer's signs.").absent).toContain('joint_instability');
  });

  it("meniscal provocation tests: McMurray's, Apley's grind", () => {
    expect(findings("Apley's test was positive on the left.").present).toContain('meniscal_signs');
  });

  it('a sign named in a list whose result follows takes that result', () => {
    const f = findings("Impingement sign (Neer) and Speed's test were negative.");
    expect(f.absent).toEqual(expect.arrayContaining(['impingement_sign', 'shoulder_labral_signs']));
    expect(f.present).toEqual([]);
  });

  it('a common noun after "positive" in a name is not a test to be read alone', () => {
    // "positive impingement" names a sign; "impingement" alone (of the cord) says nothing about it
    expect(findings('MRI showed a disc bulge without cord impingement.').absent).not.toContain('impingement_sign');
  });
});

describe('findings inside longer names and coordinations', () => {
  it('a term heading a longer name is found too', () => {
    expect(findings('There was medial joint line tenderness.').present).toEqual(['meniscal_signs', 'tenderness']);
  });

  it('a term that opens a longer phrase stays part of it', () => {
    expect(findings('He is unable to ambulate independently.').present).not.toContain('non_ambulatory');
  });

  it('a finding word in a treatment or a place is not a finding', () => {
    expect(findings('She received trigger point injections.').present).not.toContain('trigger_points');
    expect(findings('He was discharged to a skilled nursing facility.').present).not.toContain('skilled_care_need');
  });
});

describe('readings of mobility, activity and range of motion', () => {
  it('"not able to transfer independently" is a need for help to move, not a negation', () => {
    expect(findings('He was not able to transfer independently.').present).toContain('mobility_assistance_needed');
    expect(findings('She requires assistance with ambulation.').present).toContain('mobility_assistance_needed');
  });

  it('limits on activities of daily life and on sitting', () => {
    expect(findings('She cites an inability to cook and perform routine household tasks.').present).toContain('activity_limitation');
    expect(findings('Kneeling and carrying are difficult for him.').present).toContain('activity_limitation');
    const sit = findings('He complains of hip pain and is unable to drive or sit for long periods.').present;
    expect(sit).toEqual(expect.arrayContaining(['activity_limitation', 'prolonged_sitting_aggravates']));
    expect(findings('She has no difficulty with daily activities.').present).not.toContain('activity_limitation');
  });

  it('decreased motions are limited range of motion; a normal range stated with words between is not', () => {
    expect(findings('Exam revealed tenderness with decreased flexion, extension, and lateral bending.').present).toContain('limited_range_of_motion');
    expect(findings('Range of motion of the right elbow was found to be normal.').absent).toContain('limited_range_of_motion');
    expect(findings('Range of motion of the wrist was mildly reduced.').present).toContain('limited_range_of_motion');
    expect(findings('There was painful lumbar range of motion.').present).not.toContain('limited_range_of_motion');
  });

  it('motion measured short of its normal is limited', () => {
    expect(findings('Cervical rotation was 50/80 degrees.').present).toContain('limited_range_of_motion');
    expect(findings('Hip abduction measured 25 degrees out of 45.').present).toContain('limited_range_of_motion');
    expect(findings('Knee flexion was 135/135 degrees.').present).not.toContain('limited_range_of_motion');
  });

  it('one examination sentence finding a sign at one site and not another keeps the sign', () => {
    expect(findings('The neck had reduced range of motion; the elbow had full range of motion.').present).toContain('limited_range_of_motion');
  });

  it('walking a distance is not non-ambulatory; being unable to walk it is not the opposite', () => {
    expect(findings('She now walks about 300 yards each day.').absent).toContain('non_ambulatory');
    expect(findings('He is unable to walk more than 100 feet.').absent).not.toContain('non_ambulatory');
  });
});

describe('strength, sensation and radicular signs', () => {
  it('strength graded "5 of 5" or "5/5 muscle strength" is no weakness', () => {
    expect(findings('Grip showed 5 of 5 muscle strength on the right.').absent).toContain('weakness');
    expect(findings('The patient had 5/5 muscle strength.').absent).toContain('weakness');
  });

  it('sensation stated intact with words between; no restriction of motion', () => {
    expect(findings('Sensation to vibration was normal in both feet.').absent).toContain('sensory_deficit');
    expect(findings('He has no limitation of neck range of motion.').absent).toContain('limited_range_of_motion');
    expect(findings('The ankle showed laxity on stress testing.').present).toContain('joint_instability');
  });

  it('intact strength and sensation', () => {
    expect(findings('Exam shows normal strength and sensation in the legs.').absent).toEqual(expect.arrayContaining(['weakness', 'sensory_deficit']));
  });

  it('weakness complained of is a symptom, not the examination finding; numbness complained of is paresthesia', () => {
    const f = findings('He complained of numbness and weakness in both legs.');
    expect(f.present).toContain('paresthesia');
    expect(findings('She has parasthesias in the left leg.').present).toContain('paresthesia');
    expect(f.present).not.toContain('weakness');
    // a foot drop is its own finding, which the catalog makes a weakness
    expect(findings('He has a foot drop on examination.').present).toContain('foot_drop');
    expect(bundledRuleset().catalog.impliedBy('finding', 'foot_drop').has('weakness')).toBe(true);
  });

  it('reflexes graded 1+ or trace are diminished; 2+ are normal', () => {
    expect(findings('Achilles reflexes are 1+ bilaterally.').present).toContain('reflex_deficit');
    expect(findings('Deep tendon reflexes were 2+ and symmetric.').absent).toContain('reflex_deficit');
  });

  it('spasm seen on an assessment is a palpable spasm', () => {
    expect(findings('The assessment showed paraspinal muscle spasms.').present).toContain('palpable_spasm');
  });

  it('what the records do not reveal is undocumented, not absent or present', () => {
    const f = findings('The records do not reveal any red flags reported by the physician or neurological deficits in the arms.');
    expect(f.present).toEqual([]);
    expect(f.absent).toEqual([]);
    expect(findings('There is insufficient documentation of weakness.').present).toEqual([]);
  });

  it('sensation decreased, however worded', () => {
    expect(findings('Exam showed decrease sensation in both feet.').present).toContain('sensory_deficit');
    expect(findings('Sensation is slightly diminished at the thumb tip.').present).toContain('sensory_deficit');
  });

  it('spasms "there are" on examination are palpable spasm', () => {
    expect(findings('There are spasms along the trapezius.').present).toContain('palpable_spasm');
  });

  it('sensory loss at a spinal level is a radicular sign', () => {
    expect(findings('There was decreased sensation in the L4-S1 distribution.').present).toEqual(expect.arrayContaining(['sensory_deficit', 'radicular_signs']));
  });
});

describe('study results read as findings', () => {
  it('an x-ray revealing a fracture is a fracture on imaging; "no fracture" is its absence', () => {
    expect(findings('Plain films of the hand showed a fracture of the fifth metacarpal.').present).toContain('fracture_on_imaging');
    expect(findings('An x-ray of the wrist revealed no fracture.').absent).toContain('fracture_on_imaging');
    expect(findings('X-rays to rule out a fracture were ordered.').present).not.toContain('fracture_on_imaging');
    // "no acute fracture" denies a kind of fracture only: an old one found stands
    expect(findings('Radiographs showed an old fracture of the radius. A later CT showed no acute fracture.').present).toContain('fracture_on_imaging');
    expect(findings('A CT of the spine showed no acute fracture.').absent).toContain('fracture_on_imaging');
  });

  it('imaging showing a compressed nerve root is nerve root compromise', () => {
    expect(findings('MRI showed a disc extrusion compressing the exiting L5 nerve root.').present).toContain('imaging_nerve_root_compromise');
    expect(findings('He had a radiographically confirmed radiculopathy.').present).toContain('imaging_nerve_root_compromise');
    expect(findings('MRI revealed no nerve root impingement.').present).not.toContain('imaging_nerve_root_compromise');
    // a report that goes on level by level in the next sentences
    const report = findings('A lumbar MRI showed degenerative changes. At L4-5 there was a disc extrusion with mass effect on the left L5 nerve root. The patient walks with a limp.');
    expect(report.present).toContain('imaging_nerve_root_compromise');
    expect(findings('Exam showed mass effect on the L5 nerve root, per the patient.').present).not.toContain('imaging_nerve_root_compromise');
  });
});

describe('which statement wins', () => {
  it('a later denial undoes an earlier finding', () => {
    expect(findings('Last year he had fevers. Today he denies cough, rash, fever, or chills.').absent).toContain('fever');
  });

  it('a negative limited to one site does not undo a finding made at another', () => {
    const f = findings('Exam showed lateral joint line tenderness. No tenderness was found over the patella.');
    expect(f.present).toContain('tenderness');
    expect(f.absent).not.toContain('tenderness');
  });

  it('being with a relative is not a relative\'s finding', () => {
    expect(findings('She lives with her husband and is not able to walk without help.').present).toContain('mobility_assistance_needed');
  });
});

describe('red flags', () => {
  it('"to rule out" a serious condition suspects nothing', () => {
    for (const text of ['An MRI was requested to rule out a possible fracture.', 'CT to rule out infection or tumor.', 'Imaging to evaluate for cauda equina syndrome.']) {
      expect(findings(text).present, text).toEqual([]);
    }
  });

  it('a suspicion stated with its grounds is a red flag finding', () => {
    expect(findings('There is a suspected fracture of the scaphoid with snuffbox tenderness.').present).toEqual(expect.arrayContaining(['suspected_fracture', 'tenderness']));
  });
});
