import { describe, expect, it } from 'vitest';
import { recogniseRequest, type Recognition } from '../../src/request/recognise.js';
import { bundledRuleset } from '../helpers.js';
import { notReadAs, phrasingFiles, type Phrasing } from './phrasings.js';

const FIELD_KEYS = ['route', 'form', 'strength', 'quantity', 'frequency', 'visits', 'weeks', 'body_region', 'side', 'levels', 'acquisition', 'rental_days', 'retrospective', 'ingredients'] as const;
const READING_KEYS = ['specialty', 'refills', 'days_supply', 'hours_per_week', 'perioperative'] as const;

/** What the reading got wrong against a phrasing's expectations, one line each. */
function mismatches(r: Recognition, treatment: string, p: Phrasing): string[] {
  const out: string[] = [];
  const check = (key: string, want: unknown, got: unknown) => {
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  check('treatment', treatment, r.fields.treatment);
  for (const k of FIELD_KEYS) if (k in p) check(k, p[k], r.fields[k]);
  for (const k of READING_KEYS) if (k in p) check(k, p[k], r.reading[k]);
  if ('visits_range' in p) check('visits_range', p.visits_range, r.reading.visits && [r.reading.visits.min, r.reading.visits.max]);
  for (const m of (p.modifiers as string[] | undefined) ?? []) if (!r.reading.modifiers?.includes(m)) out.push(`modifier ${m} not read (read: ${r.reading.modifiers?.join(', ') ?? 'none'})`);
  return out;
}

describe('requests are read by their structure, as the phrasings in test/request say', () => {
  const catalog = bundledRuleset().catalog;
  for (const { file, groups } of phrasingFiles()) {
    describe(file, () => {
      for (const g of groups) {
        it(g.treatment, () => {
          const wrong = g.phrasings.flatMap((p) => mismatches(recogniseRequest(p.text, catalog), g.treatment, p).map((m) => `"${p.text}": ${m}`));
          expect(wrong).toEqual([]);
        });
      }
    });
  }

  it('every treatment in the catalog has at least three phrasings', () => {
    const count = new Map<string, number>();
    for (const { groups } of phrasingFiles()) for (const g of groups) count.set(g.treatment, (count.get(g.treatment) ?? 0) + g.phrasings.length);
    const short = catalog.treatmentIds().filter((id) => (count.get(id) ?? 0) < 3);
    expect(short).toEqual([]);
    const unknown = [...count.keys()].filter((id) => !catalog.isTreatment(id));
    expect(unknown).toEqual([]);
  });
});

describe('lines that must not be read as something else', () => {
  const catalog = bundledRuleset().catalog;
  for (const n of notReadAs()) {
    it(n.text, () => {
      const r = recogniseRequest(n.text, catalog);
      for (const id of n.not) expect(r.reading.objects ?? []).not.toContain(id);
      if (n.unrecognised) expect(r.reading.recognised).toBe(false);
      else expect(r.fields.treatment).toBe(n.treatment);
    });
  }
});
