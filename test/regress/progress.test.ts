/** The regress progress bar: a real total, and an item count that ends equal to the report's. */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countCases, progressBar } from '../../src/cli/progress.js';
import { inputFiles } from '../../src/regress/inputs.js';
import { runRegress } from '../../src/regress/run-regress.js';
import { bundledRuleset, ROOT } from '../helpers.js';
import { mtusIn, tempDir, write } from '../reliability/harness.js';

class FakeTerminal extends Writable {
  readonly isTTY = true;
  readonly columns = 120;
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
  cursorTo(): boolean {
    return true;
  }
  clearLine(): boolean {
    return true;
  }
  moveCursor(): boolean {
    return true;
  }
}

describe('regress progress', () => {
  it('counts the cases to read (files, and non-blank JSON Lines lines) before the run', async () => {
    const dir = tempDir();
    write(dir, 'a.jsonl', '{"x":1}\n\n   \n{"x":2}\r\n{"x":3}');
    write(dir, 'b.yaml', 'id: x\n');
    expect(await countCases(inputFiles([dir], []))).toBe(4);
  });

  it('on a terminal: a bar with the total, and the items scored ending at the report count', async () => {
    const seeds = join(ROOT, 'cases', 'seeds');
    const total = await countCases(inputFiles([seeds], []));
    const term = new FakeTerminal();
    const bar = progressBar(total, term as unknown as NodeJS.WriteStream);
    const updates: [number, number][] = [];
    const { report } = await runRegress(bundledRuleset(), [seeds], {
      workers: 1,
      keepPredictions: false,
      batchSize: 2,
      onProgress: (cases, items) => {
        updates.push([cases, items]);
        bar.update(cases, items);
      },
    });
    expect(term.text).toMatch(new RegExp(`regress \\[.*\\] \\d+/${total} cases \\| \\d+ items scored`));
    bar.stop();
    expect(updates.at(-1)).toEqual([total, report.items]);
    expect(term.text).toContain(`${total}/${total} cases | ${report.items} items scored`);
  });

  it('never with --json or off a terminal: stderr holds nothing but the result', async () => {
    const r = await mtusIn(['regress', join(ROOT, 'cases', 'seeds'), '--no-save', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
