/** Diagnoses read as condition tags from made-up summary sentences. */
import { describe, expect, it } from 'vitest';
import { extractConditions } from '../../src/import/extract/conditions.js';
import { summary } from './summary.js';

const conditions = (text: string) => {
  const c = extractConditions(summary(text));
  return { present: c.present.map((x) => x.value).sort(), absent: c.absent.map((x) => x.value).sort() };
};

describe('condition tags', () => {
  it('a diagnosis word in the name of a test is not the diagnosis', () => {
    const c = conditions('Testing included the shoulder depression test and a bicipital tendinitis test.');
    expect(c.present).not.toContain('depression');
    expect(c.present).not.toContain('tendinitis');
    expect(conditions("There was a positive de Quervain's test.").present).not.toContain('tendinitis');
  });

  it('a diagnosis word in the name of a procedure, even across a coordination, is not the diagnosis', () => {
    const c = conditions("She is status post bilateral carpal tunnel and de Quervain's release.");
    expect(c.present).not.toContain('carpal_tunnel_syndrome');
    expect(c.present).not.toContain('tendinitis');
    expect(conditions('The request was for an open carpal tunnel release.').present).not.toContain('carpal_tunnel_syndrome');
    // a diagnosis next to a procedure that does not share its name stays a diagnosis
    expect(conditions('He has lumbar radiculopathy and epidural steroid injections were tried.').present).toContain('radiculopathy');
  });

  it('a diagnosis word naming a device is not the diagnosis', () => {
    expect(conditions('She was given a fracture boot and crutches.').present).not.toContain('fracture');
  });

  it('a head noun shared by a coordination names both terms', () => {
    expect(conditions('He admits to homicidal and suicidal thoughts at times.').present).toEqual(expect.arrayContaining(['homicidal_ideation', 'suicidal_ideation']));
  });

  it('a study that found no fracture is a negative study, not a fracture ruled out; a clinical denial is', () => {
    expect(conditions('A CT of the ankle showed no fracture.').absent).not.toContain('fracture');
    expect(conditions('She denies nausea, cough, rash, or headaches.').absent).toEqual(expect.arrayContaining(['headache', 'nausea']));
  });

  it('a side written inside a name does not hide it', () => {
    expect(conditions('He is seen for a frozen left shoulder.').present).toContain('adhesive_capsulitis');
  });

  it('rule-out and family diagnoses say nothing', () => {
    expect(conditions('Numbness of both hands, rule out carpal tunnel syndrome.')).toEqual({ present: [], absent: [] });
    expect(conditions('He has a family history of diabetes.')).toEqual({ present: [], absent: [] });
  });

  it('synonyms a reader expects: sleep, ICD wordings of knee tears, crushing injuries', () => {
    expect(conditions('She describes sleeplessness since the injury.').present).toContain('insomnia');
    expect(conditions('Diagnoses: tear of lateral cartilage of the knee; ACL rupture.').present).toEqual(expect.arrayContaining(['meniscal_tear', 'ligament_tear']));
    expect(conditions('He sustained a crushing injury to the left hand.').present).toContain('severe_acute_injury');
  });
});
