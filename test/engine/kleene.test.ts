import { describe, expect, it } from 'vitest';
import { and, not, or, type Status } from '../../src/engine/kleene.js';

const ALL: Status[] = ['met', 'not_met', 'unknown'];

describe('Kleene three-valued logic', () => {
  it('and: a failure decides, otherwise unknown wins over met', () => {
    expect(and(['met', 'met'])).toBe('met');
    expect(and(['met', 'unknown'])).toBe('unknown');
    expect(and(['unknown', 'not_met'])).toBe('not_met');
    expect(and([])).toBe('met');
  });

  it('or: a success decides, otherwise unknown wins over not met', () => {
    expect(or(['not_met', 'not_met'])).toBe('not_met');
    expect(or(['not_met', 'unknown'])).toBe('unknown');
    expect(or(['unknown', 'met'])).toBe('met');
    expect(or([])).toBe('not_met');
  });

  it('not: unknown stays unknown', () => {
    expect(not('unknown')).toBe('unknown');
    expect(not('met')).toBe('not_met');
    expect(not('not_met')).toBe('met');
  });

  it('De Morgan holds over all nine pairs', () => {
    for (const a of ALL) for (const b of ALL) expect(not(and([a, b]))).toBe(or([not(a), not(b)]));
  });
});
