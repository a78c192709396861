/**
 * Workers read their own ranges of a JSON Lines file: every range must hold whole lines, and the
 * lines, their numbers and the problems met must be exactly those the streaming line reader
 * (io/read-lines.ts) gives, whatever the range size and line endings.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLines } from '../../src/io/read-lines.js';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/bench/generate.js';
import { batchesOf, unitRecords, workUnits, type WorkUnit } from '../../src/regress/work-units.js';

type Read = { line: number; text: string } | { problem: string };

async function byLineReader(file: string): Promise<Read[]> {
  const out: Read[] = [];
  for await (const l of readLines(file, file)) {
    if ('problem' in l) out.push({ problem: `${l.problem.line}:${l.problem.code}` });
    else if (l.text.trim() !== '') out.push({ line: l.line, text: l.text });
  }
  return out;
}

function byRanges(file: string, rangeBytes: number): Read[] {
  const out: Read[] = [];
  for (const unit of workUnits([file], rangeBytes)) {
    for (const r of unitRecords(unit)) {
      if (r.kind === 'jsonl') out.push({ line: r.line, text: r.text });
      else if (r.kind === 'problem') out.push({ problem: `${r.problem.line}:${r.problem.code}` });
    }
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
    // a line that is not UTF-8, and one over the input size limit (set to 1 MB below)
    'bad lines': Buffer.concat([
      Buffer.from(`${lines.slice(0, 100).join('\n')}\n`),
      Buffer.from([0xff, 0xfe, 0x20, 0x62, 0x0a]),
      Buffer.from(`${'x'.repeat(1_100_000)}\n${lines.slice(100).join('\n')}\n`),
    ]),
  };

  for (const [name, content] of Object.entries(files)) {
    it(`gives the line reader's lines, numbers and problems (${name})`, async () => {
      const file = join(dir, `${name.replace(/ /g, '-')}.jsonl`);
      writeFileSync(file, content);
      const before = process.env.MTUS_MAX_INPUT_MB;
      process.env.MTUS_MAX_INPUT_MB = '1';
      try {
        const expected = await byLineReader(file);
        // (a lone \r ends no line: lines joined by one are one record)
        expect(expected.filter((r) => 'line' in r).length).toBeGreaterThan(name === 'longer than a block' ? 1500 : 300);
        if (name === 'bad lines') expect(expected.filter((r) => 'problem' in r)).toEqual([{ problem: '101:not-utf8' }, { problem: '102:too-large' }]);
        for (const size of [1, 7, 100, 1000, 1 << 20]) expect(byRanges(file, size), `ranges of ${size} bytes`).toEqual(expected);
      } finally {
        if (before === undefined) delete process.env.MTUS_MAX_INPUT_MB;
        else process.env.MTUS_MAX_INPUT_MB = before;
      }
    });
  }

  it('ranges hold whole lines and cover the file once', () => {
    const file = join(dir, 'whole.jsonl');
    writeFileSync(file, text);
    const units = [...workUnits([file], 500)] as Extract<WorkUnit, { kind: 'jsonl' }>[];
    expect(units.every((u) => u.kind === 'jsonl')).toBe(true);
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
