/**
 * Reliability: letters given to `mtus import` — encodings, garbled headers, broken PDFs, sizes,
 * folders, output paths. A letter that cannot be imported is one line; the good letter given with
 * it is still imported (its case file is written whole), the bad ones write nothing.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHARED } from '../helpers.js';
import { aboutFile, expectBadInput, GOOD_LETTER, mtusIn, replaced, tempDir, write } from './harness.js';

const letter = readFileSync(GOOD_LETTER, 'utf8');
const PDF = join(SHARED, 'dwc-2016-2017', 'CM16-0213037.pdf');
const dir = tempDir();
const named = letter.replace('The injured worker is a 48 year old male', 'The injured worker, Jos\u00e9, is a 48 year old male \u2013 a welder');

interface LetterInput {
  name: string;
  make(): string;
  line: RegExp;
  env?: Record<string, string>;
}

const file = (name: string, content: string | Uint8Array) => write(dir, `in/${name}`, content);

export const LETTER_INPUTS: LetterInput[] = [
  { name: 'a binary file named .txt', make: () => file('binary.txt', Buffer.from([0x25, 0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00])), line: aboutFile('binary.txt', 'binary content: not a text or PDF letter') },
  { name: 'a letter in an encoding that is neither UTF-8 nor Windows-1252', make: () => file('unknown-enc.txt', Buffer.concat([Buffer.from(letter.slice(0, 200)), Buffer.from([0x81, 0x8d, 0x20]), Buffer.from(letter.slice(200))])), line: aboutFile('unknown-enc.txt', 'neither UTF-8 nor Windows-1252 text: save the letter as UTF-8') },
  { name: 'a letter whose header is garbled (no readable case number)', make: () => file('garbled-header.txt', replaced(letter, 'Case Number:', 'Case Numbr:')), line: aboutFile('garbled-header.txt', 'not imported: the header has no Case Number: a garbled or incomplete header') },
  { name: 'a letter whose header date is garbled', make: () => file('garbled-date.txt', replaced(letter, /Date of Injury:(\s+)10\/13\/2016/, 'Date of Injury:$113/45/2016')), line: aboutFile('garbled-date.txt', "not imported: the header's Date of Injury '13/45/2016' is not a date") },
  { name: "a letter whose header's UR denial comes before the injury", make: () => file('ur-before-injury.txt', replaced(letter, /UR Denial Date:(\s+)11\/03\/2016/, 'UR Denial Date:$101/03/2015')), line: aboutFile('ur-before-injury.txt', "not imported: the header's dates are impossible: the UR denial date 2015-01-03 is before the injury (2016-10-13)") },
  { name: 'a file that is not a PDF, named .pdf', make: () => file('fake.pdf', 'this is not a PDF at all\n'), line: aboutFile('fake.pdf', /not a readable PDF \(.+\)/) },
  { name: 'a truncated PDF', make: () => file('truncated.pdf', readFileSync(PDF).subarray(0, 3000)), line: aboutFile('truncated.pdf', /not a readable PDF \(.+\)|no text in the letter \(a scanned PDF has none to read\)/) },
  { name: 'an empty letter', make: () => file('empty.txt', ''), line: aboutFile('empty.txt', 'no text in the letter (a scanned PDF has none to read)') },
  { name: 'a letter over a configured input limit', make: () => file('long.txt', `${letter}\n${'Further records were reviewed.\n'.repeat(3000)}`), env: { MTUS_MAX_INPUT_MB: '0.0625' }, line: aboutFile('long.txt', /\d+ KB is over the 64 KB input limit \(MTUS_MAX_INPUT_MB raises it\)/) },
  { name: 'a folder given as a letter', make: () => (mkdirSync(join(dir, 'in', 'a-folder.txt'), { recursive: true }), join(dir, 'in', 'a-folder.txt')), line: aboutFile('a-folder.txt', 'is a directory, not a file') },
  { name: 'a letter that does not exist', make: () => join(dir, 'in', 'missing.pdf'), line: aboutFile('missing.pdf', 'no such file or directory') },
];

describe('reliability: bad letters (mtus import)', () => {
  it.each(LETTER_INPUTS.map((c) => [c.name, c] as const))('%s (the good letter beside it is still imported)', async (_name, c) => {
    const out = join(dir, `out-${LETTER_INPUTS.indexOf(c)}`);
    const r = await mtusIn(['import', c.make(), GOOD_LETTER, '-o', out], c.env);
    expectBadInput(r, dir, { lines: [c.line], stdout: (s) => expect(s).toMatch(/CM16-0213037\.txt -> .*CM16-0213037\.yaml \(2 items\)\n$/) });
    expect(readdirSync(out)).toEqual(['CM16-0213037.yaml']);
    expect(parse(readFileSync(join(out, 'CM16-0213037.yaml'), 'utf8')).items).toHaveLength(2);
  });

  it('-o under a regular file: the path is named, nothing is written', async () => {
    const r = await mtusIn(['import', GOOD_LETTER, '-o', join(GOOD_LETTER, 'out')]);
    expectBadInput(r, undefined, { lines: [aboutFile('CM16-0213037.txt/out/CM16-0213037.yaml', 'cannot create its folder: a part of the path is a file, not a directory')] });
  });

  it('a Windows-1252 letter is decoded with a notice, never garbled: the same case as its UTF-8 text', async () => {
    const utf8 = await mtusIn(['import', file('CM16-0213037.txt', named), '--json']);
    const cp1252 = await mtusIn(['import', write(dir, 'cp1252/CM16-0213037.txt', Buffer.from(named.replace('\u2013', '\u0096'), 'latin1')), '--json']);
    expect(utf8.status).toBe(0);
    expect(cp1252.status).toBe(0);
    expect(cp1252.stderr).toMatch(/^notice: .*cp1252\/CM16-0213037\.txt: not UTF-8: read as Windows-1252 \(Latin-1\)\n$/);
    const [a, b] = [JSON.parse(utf8.stdout)[0].case, JSON.parse(cp1252.stdout)[0].case];
    expect(b.summary ?? b.evidence).toEqual(a.summary ?? a.evidence);
    expect(JSON.stringify(b)).toContain('Jos\u00e9');
    expect(JSON.stringify(b)).not.toContain('\ufffd');
    expect({ ...b, source: '' }).toEqual({ ...a, source: '' });
  });

  it('a UTF-16 letter is decoded with a notice', async () => {
    const r = await mtusIn(['import', file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(named, 'utf16le')])), '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/notice: .*utf16\.txt: read as UTF-16LE/);
    expect(JSON.parse(r.stdout)[0].case.case_number).toBe('CM16-0213037');
  });

  it('a summary date that cannot be right is left out with a notice; the letter is still imported', async () => {
    // In this letter the summary's visit of 10-10-2016 precedes the 10/16/2016 injury of the header.
    const r = await mtusIn(['import', join(SHARED, 'dwc-2016-2017', 'CM16-0221706.txt'), '--json']);
    expect(r.status).toBe(0);
    const [out] = JSON.parse(r.stdout);
    const { injury, request, last_visit } = out.case.dates;
    expect(injury).toBe('2016-10-16');
    for (const d of [request, last_visit]) if (d !== undefined) expect(d >= injury).toBe(true);
    const leftOut = out.notices.filter((n: string) => /is before the injury \(2016-10-16\): left out of the case$/.test(n));
    expect(leftOut.length + (request === undefined ? 0 : 1)).toBeGreaterThan(0);
  });
});
