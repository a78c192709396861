/**
 * The quick case check generated at build time (dist/model/case-validator.cjs) stands in for zod
 * on the warm path, so it must accept exactly the cases zod accepts and return them as zod does
 * (keys in the schema's order). Compared here on every curated case, generated cases, and
 * thousands of broken variants of them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCase, random } from '../../src/bench/generate.js';
import { caseJsonSchema } from '../../src/build/case-validator.js';
import { quickCase, type GeneratedCheck } from '../../src/cases/case-shape.js';
import { Case } from '../../src/model/case-schema.js';
import { listFiles } from '../../src/ruleset/files.js';
import { normaliseCase } from '../../src/request/normalise-case.js';
import { bundledRuleset, ROOT } from '../helpers.js';

const built = createRequire(import.meta.url)(join(ROOT, 'dist', 'model', 'case-validator.cjs')) as GeneratedCheck;

function curated(): unknown[] {
  return listFiles(join(ROOT, 'cases'), (f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(f, 'utf8')));
}

/** Cases as recognition leaves them: every item carries its reading (parts whose value is a string or a number). */
function recognised(): unknown[] {
  const catalog = bundledRuleset().catalog;
  return curated().map((c) => JSON.parse(JSON.stringify(normaliseCase(Case.parse(c), catalog))) as unknown);
}

/** Broken and odd variants: a key dropped or added, a value replaced by one of another kind. */
const ODD_VALUES: unknown[] = [
  null, 0, -1, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, false, [], {}, ['x'], [1],
  '2017-02-30', '2016-02-29', '2017-02-29', '2017-13-01', '17-01-01', 'L4-L5', 'L5', 'L9', 'L4-S1', 'l4-l5',
  'upheld', 'Upheld', 'oral', 'lumbar', 'snake_case', 'Not-an-id', 'purchase', 'effective',
];

function mutate(value: unknown, rnd: () => number): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const containers: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (containers.push({ holder: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) containers.push({ holder: v as Record<string, unknown>, key: k }), walk(x);
  };
  walk(copy);
  if (containers.length === 0) return copy;
  const at = containers[Math.floor(rnd() * containers.length)]!;
  const kind = rnd();
  if (kind < 0.2 && !Array.isArray(at.holder)) delete at.holder[at.key as string];
  else if (kind < 0.3 && !Array.isArray(at.holder)) at.holder[`${String(at.key)}_extra`] = 1;
  else (at.holder as Record<string | number, unknown>)[at.key] = ODD_VALUES[Math.floor(rnd() * ODD_VALUES.length)];
  return copy;
}

describe('the quick case check', () => {
  it('exists: the case schema says nothing JSON Schema cannot (otherwise every check loads zod)', () => {
    expect('schema' in caseJsonSchema()).toBe(true);
    expect(typeof built).toBe('function');
  });

  it('accepts exactly what zod accepts, and returns what zod returns, on curated, generated and broken cases', () => {
    const rnd = random(2024);
    const seeds = [...curated(), ...recognised(), ...Array.from({ length: 60 }, (_, i) => generateCase(i, rnd))];
    let accepted = 0;
    let rejected = 0;
    for (const seed of seeds) {
      for (const value of [seed, ...Array.from({ length: 60 }, () => mutate(seed, rnd))]) {
        const quick = quickCase(value, built);
        const zod = Case.safeParse(value);
        expect(quick !== false, JSON.stringify(value).slice(0, 300)).toBe(zod.success);
        if (zod.success) {
          accepted++;
          expect(JSON.stringify(quick)).toBe(JSON.stringify(zod.data));
        } else rejected++;
      }
    }
    // the comparison covered both answers in earnest
    expect(accepted).toBeGreaterThan(500);
    expect(rejected).toBeGreaterThan(2000);
  });

  it('without a generated check (run from the sources) there is no quick answer', () => {
    expect(quickCase(curated()[0], null)).toBeUndefined();
  });

  it('every curated case file is read the same way by zod and the quick check, before and after recognition', () => {
    for (const value of curated()) expect(quickCase(value, built)).toEqual(Case.parse(value));
    const read = recognised();
    // the readings hold both kinds of part value, so the union is checked in earnest
    const values = read.flatMap((c) => (c as Case).items.flatMap((i) => i.reading!.parts.map((p) => typeof p.value)));
    expect(new Set(values)).toEqual(new Set(['string', 'number']));
    for (const value of read) expect(JSON.stringify(quickCase(value, built))).toBe(JSON.stringify(Case.parse(value)));
  });
});
