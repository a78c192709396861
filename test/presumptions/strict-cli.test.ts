/**
 * `mtus check` names every presumption a prediction rests on; `--strict` reads the same records
 * literally, so each criterion met only by a presumption goes back to "not documented".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mtus, ROOT } from '../helpers.js';

interface Criterion { id: string; status: string; presumed?: string | string[] }
interface Item { presumptions: { id: string }[]; criteria: Criterion[] }

function check(file: string, strict: boolean): Item[] {
  const run = mtus(['check', file, '--json', ...(strict ? ['--strict'] : [])]);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { items: Item[] }).items;
}

const curated = join(ROOT, 'cases', 'dwc-2016-2017');
const withPresumptions = ['CM16-0240434.yaml', 'CM17-0010365.yaml'];

describe('mtus check --strict', () => {
  it('the curated cases that rest on a presumption name it, and --strict drops it', () => {
    for (const name of withPresumptions) {
      const file = join(curated, name);
      const usual = check(file, false);
      const strict = check(file, true);
      expect(usual.flatMap((i) => i.presumptions).length, name).toBeGreaterThan(0);
      expect(strict.flatMap((i) => i.presumptions), name).toEqual([]);
      usual.forEach((item, n) => {
        for (const c of item.criteria.filter((c) => c.presumed !== undefined)) {
          // The same criterion, read literally, is met by nothing in the record.
          const literal = strict[n]!.criteria.find((s) => s.id === c.id);
          expect(literal, `${name} item ${n + 1} ${c.id}`).toBeDefined();
          expect(literal!.presumed).toBeUndefined();
          expect(literal!.status, `${name} item ${n + 1} ${c.id}`).not.toBe('met');
        }
      });
    }
  }, 120_000);

  it('no curated case shows a presumption under --strict, and criteria not presumed read the same', () => {
    for (const name of readdirSync(curated).filter((f) => f.endsWith('.yaml')).slice(0, 6)) {
      const usual = check(join(curated, name), false);
      const strict = check(join(curated, name), true);
      expect(strict.flatMap((i) => i.presumptions), name).toEqual([]);
      if (usual.every((i) => i.presumptions.length === 0)) expect(strict, name).toEqual(usual);
    }
  }, 120_000);
});
