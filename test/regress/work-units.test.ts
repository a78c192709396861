/**
 * Workers read their own ranges of a JSON Lines file: every range must hold whole lines, and the
 * lines and their numbers must be exactly those a line-by-line reader (Node's readline) gives,
 * whatever the range size and line endings.
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/generate.js';
import { batchesOf, unitRecords, workUnits, type WorkUnit } from '../../src/regress/work-units.js';

async function byReadline(file: string): Promise<{ line: number; text: string }[]> {
  const out: { line: number; text: string }[] = [];
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (text.trim() !== '') out.push({ line, text });
  }
  return out;
}

function byRanges(file: string, rangeBytes: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (const unit of workUnits([file], rangeBytes)) {
    for (const r of unitRecords(unit)) if (r.kind === 'jsonl') out.push({ line: r.line, text: r.text });
  }
  return out;
}

describe('JSON Lines read in ranges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mtus-ranges-'));
  const rnd = random(5);
  const endings = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n  \n'];
  const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `c${i}`, note: 'é—'.repeat(Math.floor(rnd() * 30)) }));
  const text = lines.map((l) => l + endings[Math.floor(rnd() * endings.length)]!).join('');
  // Longer than the 1 MiB blocks the boundaries are searched in, with lone \r at every kind of place.
  const long = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `l${i}`, note: 'x'.repeat(Math.floor(rnd() * 1500)) }) + endings[i % 3]!).join('');
  const files = {
    mixed: text,
    'longer than a block': long,
    'no final newline': text.trimEnd(),
    'final lone CR': `${text.trimEnd()}\r`,
    'CRLF only': lines.join('\r\n'),
  };

  for (const [name, content] of Object.entries(files)) {
    it(`gives readline's lines and numbers (${name})`, async () => {
      const file = join(dir, `${name.replace(/ /g, '-')}.jsonl`);
      writeFileSync(file, content);
      const expected = await byReadline(file);
      expect(expected.length).toBe(name === 'longer than a block' ? 3000 : 400);
      for (const size of [1, 7, 100, 1000, 1 << 20]) expect(byRanges(file, size), `ranges of ${size} bytes`).toEqual(expected);
    });
  }

  it('ranges hold whole lines and cover the file once', () => {
    const file = join(dir, 'whole.jsonl');
    writeFileSync(file, text);
    const units = [...workUnits([file], 500)] as Extract<WorkUnit, { kind: 'jsonl' }>[];
    expect(units.length).toBeGreaterThan(10);
    expect(units[0]!.start).toBe(0);
    for (let i = 1; i < units.length; i++) expect(units[i]!.start).toBe(units[i - 1]!.end);
    expect(units.at(-1)!.end).toBe(Buffer.byteLength(text));
    for (const u of units.slice(0, -1)) expect(Buffer.from(text).subarray(u.end - 1, u.end).toString()).toBe('\n');
  });

  it('batches group units by cost, in input order, a costly unit alone', () => {
    const unit = (cost: number) => ({ kind: 'yaml', path: `f${cost}`, shown: `f${cost}`, cost }) as WorkUnit;
    const batches = [...batchesOf([unit(10), unit(20), unit(30), unit(200), unit(5), unit(5)], 50)];
    expect(batches.map((b) => b.map((u) => u.cost))).toEqual([[10, 20], [30], [200], [5, 5]]);
  });
});
