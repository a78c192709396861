import { describe, expect, it } from 'vitest';
import { canonicalSegment, jointsBetween, parseSpinalLevels, targetedJoints } from '../../src/catalog/spine.js';

describe('spinal levels and segments', () => {
  it('medial-branch levels map to the facet joints between them', () => {
    expect(targetedJoints(['L4', 'L5', 'S1'])).toEqual(['L4-L5', 'L5-S1']);
    expect(jointsBetween(['S1', 'L4', 'L5'])).toEqual(['L4-L5', 'L5-S1']);
    expect(jointsBetween(['C7', 'T1'])).toEqual(['C7-T1']);
    expect(jointsBetween(['L3', 'L5'])).toEqual([]);
  });

  it('segments are canonical and kept as targeted joints', () => {
    expect(canonicalSegment('L4-5')).toBe('L4-L5');
    expect(canonicalSegment('l5-s1')).toBe('L5-S1');
    expect(targetedJoints(['L4-5', 'L5-S1'])).toEqual(['L4-L5', 'L5-S1']);
  });

  it('reads levels written every way requests and summaries write them', () => {
    expect(parseSpinalLevels('Facet joint injections L4-5, L5-S1')).toEqual(['L4-L5', 'L5-S1']);
    expect(parseSpinalLevels('medial branch block at L4, L5 and S1')).toEqual(['L4', 'L5', 'S1']);
    expect(parseSpinalLevels('fusion at lumbar 4- lumbar 5 and lumbar 5-sacral 1')).toEqual(['L4-L5', 'L5-S1']);
    expect(parseSpinalLevels('C5-C6 and C6-7')).toEqual(['C5-C6', 'C6-C7']);
    expect(parseSpinalLevels('no levels here')).toEqual([]);
  });
});
