/** The neurological examination in free wording, read from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractFindings } from '../../src/import/extract/findings.js';
import { summary } from './summary.js';

const findings = (text: string) => {
  const f = extractFindings(summary(text));
  return { present: f.present.map((x) => x.value).sort(), absent: f.absent.map((x) => x.value).sort() };
};

describe('sensory loss and where it lies', () => {
  it('loss in a dermatome or at a spinal level is a sensory deficit and a radicular sign, in either word order', () => {
    for (const s of [
      'There was diminished sensation along the right L5 dermatome.',
      'Sensation to pinprick was reduced in the left C6 distribution.',
      'Hypoesthesia was present in the S1 dermatome.',
      'Light touch sensation was decreased in a dermatomal pattern on the left.',
    ]) expect(findings(s).present, s).toEqual(expect.arrayContaining(['sensory_deficit', 'radicular_signs']));
  });

  it('loss over a peripheral nerve or a patch of skin is a sensory deficit, not a radicular sign', () => {
    const f = findings('Examination showed hypoesthesia over the lateral aspect of the thigh.');
    expect(f.present).toContain('sensory_deficit');
    expect(f.present).not.toContain('radicular_signs');
    expect(findings('There was impaired light touch sensation in the ulnar nerve distribution.').present).toEqual(['sensory_deficit']);
  });

  it('the thumb, index and middle fingers, or the median nerve, are the median territory; the little finger is not', () => {
    expect(findings('Sensation was diminished over the thumb and index finger.').present).toContain('median_sensory_deficit');
    expect(findings('She had altered sensation in the median nerve distribution.').present).toContain('median_sensory_deficit');
    expect(findings('Sensation was reduced in the ring and little fingers.').present).not.toContain('median_sensory_deficit');
    expect(findings('Sensation was diminished at the tip of the second toe.').present).not.toContain('median_sensory_deficit');
  });

  it('intact or denied sensation documents its absence; a complaint of numbness is not an examination finding', () => {
    expect(findings('Sensation is grossly intact throughout the lower extremities.').absent).toContain('sensory_deficit');
    expect(findings('Distal pulses and sensation are good.').absent).toContain('sensory_deficit');
    expect(findings('There was no dermatomal sensory loss.').absent).toEqual(expect.arrayContaining(['sensory_deficit']));
    expect(findings('He complains of decreased sensation in his feet.').present).not.toContain('sensory_deficit');
  });
});

describe('reflexes', () => {
  it('a named reflex that is absent, diminished, hypoactive or graded 1+ is a reflex deficit', () => {
    for (const s of [
      'The right ankle jerk was absent.',
      'Diminished left patellar reflex was noted.',
      'The triceps reflex was hypoactive on the right.',
      'Knee reflexes were 1+ and ankle reflexes trace.',
      'He was hyporeflexic at the ankles.',
    ]) expect(findings(s).present, s).toContain('reflex_deficit');
  });

  it('symmetric 2+ reflexes document no deficit, unless one reflex is singled out as absent', () => {
    expect(findings('Deep tendon reflexes were 2+ and equal.').absent).toContain('reflex_deficit');
    expect(findings('Reflexes were 2+ except the left Achilles, which was absent.').present).toContain('reflex_deficit');
  });

  it('an ankle or a knee that is better is not a reflex', () => {
    expect(findings('Ankle swelling was decreased.').present).not.toContain('reflex_deficit');
  });
});

describe('strength', () => {
  it('every 0-5 grade is read: any grade below 5, or 5-, is weakness', () => {
    expect(findings('EHL strength was 4/5 on the left.').present).toContain('weakness');
    expect(findings('Manual muscle testing showed 4+/5 ankle dorsiflexion.').present).toContain('weakness');
    expect(findings('Hip flexion was 5-/5.').present).toContain('weakness');
    expect(findings('Strength was 5/5 in the right leg and 4/5 in the left.').present).toContain('weakness');
  });

  it('5/5 throughout is no weakness; a grade that counts sessions or dates, or rates pain, is no grade', () => {
    expect(findings('Motor strength was rated 5/5 in all groups.').absent).toContain('weakness');
    expect(findings('He attended 3 of 5 sessions.').present).toEqual([]);
    expect(findings('She was seen on 1/5/2017.').present).toEqual([]);
    expect(findings('Her pain was 3/5.').present).toEqual([]);
  });

  it('a muscle or motion said to be weak is weakness', () => {
    expect(findings('The left extensor hallucis longus was weak.').present).toContain('weakness');
    expect(findings('There was weak grip on the right.').present).toContain('weakness');
  });
});

describe('provocative tests', () => {
  it('a positive test by any of its names, with its result before or after', () => {
    expect(findings("Spurling's maneuver was positive to the right.").present).toContain('radicular_signs');
    expect(findings('Seated straight leg raise was positive at 50 degrees.').present).toContain('radicular_signs');
    expect(findings("Tinel's sign was positive over the cubital tunnel.").present).toContain('tinel_sign');
    expect(findings('Phalen test positive bilaterally.').present).toContain('phalen_sign');
    expect(findings("Neer's and Hawkins' tests were both positive.").present).toContain('impingement_sign');
    expect(findings("McMurray's test was positive medially.").present).toContain('meniscal_signs');
    expect(findings('The Lachman test was positive.').present).toContain('joint_instability');
  });

  it('a negative test is documented absent', () => {
    expect(findings('Straight leg raise was negative on both sides.').absent).toContain('radicular_signs');
    expect(findings("Phalen's test was negative.").absent).toContain('phalen_sign');
  });

  it('a result after a long list of tests, and "stable to" a test, are read', () => {
    expect(findings('Valgus stress, posterior sag, anterior drawer, pivot shift and dial tests were all positive.').present).toContain('joint_instability');
    expect(findings("The knee was stable to Lachman's and anterior drawer testing.").absent).toContain('joint_instability');
  });

  it('tenderness along the joint line, in either order, is a meniscal sign', () => {
    expect(findings('There was tenderness to palpation along the lateral joint line.').present).toContain('meniscal_signs');
  });
});
