/**
 * Reliability: bad inputs to `mtus regress` — folders with broken and unreadable entries, JSON
 * Lines records, output paths, saved runs for --diff, options. Every problem is listed (the other
 * inputs are still read), exit 2, nothing on stdout, no temporary file left.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aboutFile, copyTo, expectBadInput, GOOD_CASE, GOOD_LETTER, located, mtusIn, positionIn, replaced, tempDir, write } from './harness.js';

const good = readFileSync(GOOD_CASE, 'utf8');
const goodJson = JSON.stringify(parse(good));
const dir = tempDir();

interface RegressInput {
  name: string;
  make(): string[];
  lines: RegExp[];
  env?: Record<string, string>;
  notices?: RegExp[];
}

/** A folder holding a good case and the bad entries given. */
function folder(name: string, entries: Record<string, string | Uint8Array>): string {
  const at = join(dir, name);
  mkdirSync(at, { recursive: true });
  copyTo(at, GOOD_CASE, 'a-good.yaml');
  for (const [file, text] of Object.entries(entries)) write(at, file, text);
  return at;
}

const regress = (...args: string[]) => ['regress', ...args, '--no-save'];
const jsonl = (name: string, lines: (string | Buffer)[]) => write(dir, name, Buffer.concat(lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')])));
const latin1Case = replaced(good, 'pain in joint shoulder', 'pain in joint shoulder (caf\u00e9)');
const at = (text: string, needle: string) => positionIn(text, needle);

const loopFolder = () => {
  const at = folder('with-loop', { 'z-bad.yaml': replaced(good, '"2014-02-28"', '"2099-01-01"') });
  symlinkSync('m-loop-b', join(at, 'm-loop-a'));
  symlinkSync('m-loop-a', join(at, 'm-loop-b'));
  return at;
};

export const REGRESS_INPUTS: RegressInput[] = [
  {
    name: 'a case folder with a symbolic link loop, a broken case and a Latin-1 case (each reported, the rest still read)',
    make: () => {
      const at = loopFolder();
      write(at, 'n-latin1.yaml', Buffer.from(latin1Case, 'latin1'));
      return regress(at);
    },
    lines: [aboutFile('with-loop/m-loop-a', 'too many levels of symbolic links (a link loop)'), aboutFile('with-loop/m-loop-b', 'too many levels of symbolic links (a link loop)'), located('with-loop/n-latin1.yaml', at(latin1Case, '\u00e9').line, at(latin1Case, '\u00e9').column, 'not-utf8'), located('with-loop/z-bad.yaml', 6, at(good, '"2014-02-28"').column, 'future-date')],
  },
  { name: 'an empty folder (nothing to score)', make: () => (mkdirSync(join(dir, 'empty'), { recursive: true }), regress(join(dir, 'empty'))), lines: [aboutFile('empty', 'nothing to score: no case files (.yaml, .yml, .jsonl) or letters (.txt, .pdf) found')] },
  {
    name: 'cases without any recorded IMR outcome (nothing to score)',
    make: () => regress(write(dir, 'no-outcome.yaml', good.replace(/\n    actual: \{[^}]*\}/g, '').replace(/\n    actual:\n(      .*\n)+/g, '\n'))),
    lines: [aboutFile('no-outcome.yaml', 'nothing to score: no disputed item with a recorded IMR outcome (items[].actual)')],
  },
  { name: 'a missing path among good ones', make: () => regress(join(dir, 'not-there'), GOOD_CASE, write(dir, 'after-missing.yaml', replaced(good, 'id: seed-001', 'id: [x]'))), lines: [located('after-missing.yaml', 3, 5, 'invalid-type'), aboutFile('not-there', 'no such file or directory')] },
  {
    name: 'JSON Lines: bad JSON, an invalid case, a 2099 date, a non-UTF-8 line, a too-deep line, a too-long line, CRLF and blank lines',
    make: () => regress(jsonl('corpus.jsonl', [
      goodJson,
      '{"id": "x", "source": ',
      JSON.stringify({ ...JSON.parse(goodJson), items: [] }),
      '',
      JSON.stringify({ ...JSON.parse(goodJson), dates: { injury: '1999-01-18', ur_denial: '2099-01-01' } }),
      `${goodJson}\r`,
      Buffer.from(JSON.stringify({ ...JSON.parse(goodJson), diagnoses: ['caf\u00e9'] }), 'latin1'),
      `{"id": "deep", "source": "s", "items": ${'['.repeat(100)}${']'.repeat(100)}}`,
      JSON.stringify({ ...JSON.parse(goodJson), summary: 'x'.repeat(70_000) }),
    ])),
    env: { MTUS_MAX_INPUT_MB: '0.0625' },
    lines: [
      located('corpus.jsonl', 2, 1, 'json-syntax', /not a JSON value: .+/),
      located('corpus.jsonl', 3, 1, 'invalid-case', /items: .+/),
      located('corpus.jsonl', 5, 1, 'future-date', /dates\.ur_denial: 2099-01-01 is after today .+/),
      located('corpus.jsonl', 7, JSON.stringify({ ...JSON.parse(goodJson), diagnoses: ['caf'] }).indexOf('caf') + 4, 'not-utf8', 'byte 0xE9 is not UTF-8: save the file as UTF-8'),
      located('corpus.jsonl', 8, 1, 'too-deep', 'nested too deeply (more than 64 levels)'),
      located('corpus.jsonl', 9, 1, 'too-large', /this line: 7\d KB is over the 64 KB input limit \(MTUS_MAX_INPUT_MB raises it\)/),
    ],
  },
  { name: '--junit onto a folder', make: () => (mkdirSync(join(dir, 'junit-dir'), { recursive: true }), regress(GOOD_CASE, '--junit', join(dir, 'junit-dir'))), lines: [aboutFile('junit-dir', 'is a directory: name a file to write')] },
  { name: '--junit under a regular file', make: () => regress(GOOD_CASE, '--junit', join(GOOD_CASE, 'junit.xml')), lines: [aboutFile('001_c7c7a95bc446a0b9.yaml/junit.xml', 'cannot create its folder: a part of the path is a file, not a directory')] },
  { name: '--junit into a folder nobody may write (/sys)', make: () => regress(GOOD_CASE, '--junit', '/sys/mtus-junit.xml'), lines: [/^\/sys\/mtus-junit\.xml: cannot be written: (permission denied|read-only file system|operation not permitted)$/] },
  { name: '--diff with a file that is not JSON', make: () => ['regress', '--diff', write(dir, 'old.json', '{ nope'), write(dir, 'new.json', '{}')], lines: [aboutFile('old.json', /not JSON: .+/)] },
  { name: '--diff with JSON that is not a saved run', make: () => ['regress', '--diff', write(dir, 'run-a.json', '{"revision": "x", "predictions": [{"item": 0}]}'), write(dir, 'run-b.json', '{}')], lines: [aboutFile('run-a.json', /expected the output of `mtus regress --json` \(predictions\.0\.source: .+\)/)] },
  { name: '--diff with a missing file', make: () => ['regress', '--diff', join(dir, 'gone.json'), join(dir, 'gone2.json')], lines: [aboutFile('gone.json', 'no such file or directory')] },
  { name: '--diff with one run only', make: () => ['regress', '--diff', join(dir, 'one.json')], lines: [/^mtus regress --diff: give two saved runs: OLD\.json NEW\.json$/] },
  { name: '--workers 0', make: () => regress(GOOD_CASE, '--workers', '0'), lines: [/^error: option '--workers <n>' argument '0' is invalid\. expected a whole number from 1$/] },
  { name: '--fail-under 2', make: () => regress(GOOD_CASE, '--fail-under', '2'), lines: [/^error: option '--fail-under <ba>' argument '2' is invalid\. expected a number from 0 to 1$/] },
  { name: '--fail-on sometimes', make: () => ['regress', '--diff', 'a.json', 'b.json', '--fail-on', 'sometimes'], lines: [/^error: option '--fail-on <when>' argument 'sometimes' is invalid\. expected one of worse, any, never$/] },
  { name: 'a letter that is not one, beside a good letter', make: () => regress(GOOD_LETTER, write(dir, 'notes.txt', 'Dear colleague,\nplease find attached.\n')), lines: [aboutFile('notes.txt', 'not imported: missing the CLINICAL CASE SUMMARY heading')] },
];

describe('reliability: bad inputs to mtus regress', () => {
  it.each(REGRESS_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await mtusIn(c.make(), c.env);
    expectBadInput(r, dir, { lines: c.lines, ...(c.notices ? { notices: c.notices } : {}) });
  });

  it('the good inputs alone pass: the folder without its bad entries, the corpus without its bad lines', async () => {
    const r = await mtusIn(regress(GOOD_CASE, jsonl('good.jsonl', [goodJson, '', `${goodJson.replace('seed-001', 'seed-001-b').replace('"source":"', '"source":"copy of ')}\r`]), '--json'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items).toBe(2); // the JSON Lines copies are the same case (same letter), counted once
  });

  it('a Windows-1252 letter among the inputs is read, with a notice', async () => {
    const letter = readFileSync(GOOD_LETTER, 'utf8').replace('The injured worker is a 48 year old male', 'The injured worker, Jos\u00e9, is a 48 year old male');
    const file = write(dir, 'cp1252/CM16-0213037.txt', Buffer.from(letter, 'latin1'));
    const r = await mtusIn(regress(file, '--json'));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^notice: .*cp1252\/CM16-0213037\.txt: not UTF-8: read as Windows-1252 \(Latin-1\)$/m);
    expect(JSON.parse(r.stdout).items).toBe(2);
    expect(readdirSync(join(dir, 'cp1252'))).toEqual(['CM16-0213037.txt']);
  });
});
