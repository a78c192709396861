import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtus, ROOT } from '../helpers.js';

describe('mtus rules and mtus facts', () => {
  it('lists every rule with its citation, editions, dates and examples', () => {
    const r = mtus(['rules', '--json']);
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.rules.length).toBeGreaterThanOrEqual(40);
    for (const rule of t.rules) {
      expect(rule.editions.length).toBeGreaterThan(0);
      for (const e of rule.editions) {
        expect(e.citation).toMatch(/\(.+\), /);
        expect(e.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect(rule.examples).toBeGreaterThanOrEqual(2);
    }
  });

  it('shows the historical agreement of the last regress run made in the same directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'mtus-rules-cwd-'));
    const run = mtus(['regress', join(ROOT, 'cases', 'seeds')], { cwd });
    expect(run.status).toBe(0);
    const t = JSON.parse(mtus(['rules', '--json'], { cwd }).stdout);
    expect(t.lastRun.current).toBe(true);
    expect(t.rules.find((r: { id: string }) => r.id === 'cpmtg-topical-ketamine').agreement).toEqual({ items: 3, agree: 2 }); // seed 001's refill: see check.e2e
    expect(mtus(['rules'], { cwd }).stdout).toMatch(/cpmtg-topical-ketamine .* agreement 2\/3/);
  });

  it('lists the facts rules can compare, with types and parameters', () => {
    const facts = JSON.parse(mtus(['facts', '--json']).stdout);
    expect(facts.find((f: { name: string }) => f.name === 'weeks_on_drug')).toMatchObject({ type: 'number' });
    expect(facts.find((f: { name: string }) => f.name === 'condition')).toMatchObject({ type: 'boolean', params: { tag: 'condition' } });
  });
});
