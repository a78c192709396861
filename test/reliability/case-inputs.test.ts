/**
 * Reliability: bad case files given to `mtus check` (shape, dates, encodings, sizes, hostile YAML,
 * file-system oddities). Each is generated here; each must give exit 2 and one located line.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutFile, expectBadInput, GOOD_CASE, located, mtusIn, positionIn, replaced, tempDir, write } from './harness.js';

const good = readFileSync(GOOD_CASE, 'utf8');
const dir = tempDir();

interface CaseInput {
  name: string;
  /** writes the input; returns the arguments after `mtus` */
  make(): string[];
  lines: RegExp[];
  env?: Record<string, string>;
}

const caseFile = (name: string, text: string | Uint8Array) => write(dir, name, text);
const check = (file: string, ...more: string[]) => ['check', file, ...more];

const latin1 = replaced(good, 'pain in joint shoulder', 'pain in joint shoulder (caf\u00e9)');
const latin1At = positionIn(latin1, '\u00e9');
const bombLines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
for (const [k, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) bombLines.push(`${k}: &${k} [${Array(10).fill(`*${prev}`).join(', ')}]`);
const bomb = `${good}\nsummary_bomb:\n  ${bombLines.join('\n  ')}\n`;
const deep = (levels: number) => replaced(good, /^items:/m, `reviewer: { specialty: ${'['.repeat(levels)}x${']'.repeat(levels)} }\nitems:`);
const padded = `${good}summary: >-\n${'  The injured worker was seen again and the findings were unchanged.\n'.repeat(2000)}`;

export const CASE_INPUTS: CaseInput[] = [
  { name: 'a case file that does not exist', make: () => check(join(dir, 'nowhere.yaml')), lines: [aboutFile('nowhere.yaml', 'no such file or directory')] },
  { name: 'a folder given as a case (its real path is printed)', make: () => (mkdirSync(join(dir, 'a-folder'), { recursive: true }), check(join(dir, 'a-folder'))), lines: [new RegExp(`^${dir}/a-folder: is a directory, not a file$`)] },
  { name: 'an empty case file', make: () => check(caseFile('empty.yaml', '')), lines: [located('empty.yaml', 1, 1, 'invalid-type', /the document must be an object, found null/)] },
  { name: 'a YAML syntax error', make: () => check(caseFile('syntax.yaml', 'id: x\nsource: [unclosed\nitems: []\n')), lines: [located('syntax.yaml', 3, 1, 'yaml-syntax')] },
  { name: 'a key given twice', make: () => check(caseFile('twice.yaml', 'id: x\nid: y\nsource: s\nitems: [{ request: MRI }]\n')), lines: [located('twice.yaml', 2, 1, 'yaml-syntax', /Map keys must be unique/)] },
  { name: 'two YAML documents in one case file', make: () => check(caseFile('two-docs.yaml', `${good}\n---\n${good}`)), lines: [/two-docs\.yaml:\d+:1: yaml-syntax: Source contains multiple documents/] },
  { name: 'a YAML tag that would construct code (!js/function)', make: () => check(caseFile('tag.yaml', replaced(good, 'id: seed-001', 'id: !js/function "return 1"'))), lines: [located('tag.yaml', 3, 5, 'yaml-syntax', /Unresolved tag: !js\/function/)] },
  { name: 'a misspelt key', make: () => check(caseFile('misspelt.yaml', replaced(good, 'pain_score:', 'pain_scroe:'))), lines: [located('misspelt.yaml', positionIn(good, 'pain_score').line, 1, 'unknown-key', "unknown key 'pain_scroe' (did you mean 'pain_score'?)")] },
  { name: 'an impossible date (2017-02-30)', make: () => check(caseFile('feb30.yaml', replaced(good, '"2014-02-28"', '"2017-02-30"'))), lines: [located('feb30.yaml', 6, positionIn(good, '"2014-02-28"').column, 'invalid-format', "'ur_denial' must be a date YYYY-MM-DD, found \"2017-02-30\"")] },
  { name: 'a UR denial date in 2099', make: () => check(caseFile('2099.yaml', replaced(good, '"2014-02-28"', '"2099-01-01"'))), lines: [located('2099.yaml', 6, positionIn(good, '"2014-02-28"').column, 'future-date', /2099-01-01 is after today \(\d{4}-\d{2}-\d{2}\)/)] },
  { name: 'a UR denial date before the injury', make: () => check(caseFile('ur-early.yaml', replaced(good, '"2014-02-28"', '"1998-12-31"'))), lines: [located('ur-early.yaml', 6, positionIn(good, '"2014-02-28"').column, 'before-injury', 'the UR denial date 1998-12-31 is before the injury (1999-01-18)')] },
  { name: 'an item request date before the injury', make: () => check(caseFile('req-early.yaml', replaced(good, '    treatment: cyclobenzaprine\n', '    treatment: cyclobenzaprine\n    request_date: "1990-05-05"\n'))), lines: [/req-early\.yaml:\d+:19: before-injury: the request date 1990-05-05 is before the injury \(1999-01-18\)$/] },
  { name: 'a treatment named by a brand (a catalog synonym)', make: () => check(caseFile('brand.yaml', replaced(good, '    treatment: cyclobenzaprine\n', '    treatment: flexeril\n'))), lines: [/brand\.yaml:\d+:16: unknown-treatment: 'flexeril' is not a catalog treatment or class \(did you mean 'cyclobenzaprine'\? the catalog lists 'flexeril' as one of its names\)$/] },
  { name: '--as-of 2017-02-30', make: () => check(GOOD_CASE, '--as-of', '2017-02-30'), lines: [/^error: option '--as-of <date>' argument '2017-02-30' is invalid\. expected a date YYYY-MM-DD that exists on the calendar$/] },
  { name: '--as-of after today', make: () => check(GOOD_CASE, '--as-of', '2099-01-01'), lines: [/^error: option '--as-of <date>' argument '2099-01-01' is invalid\. 2099-01-01 is after today/] },
  { name: '--as-of before the injury', make: () => check(GOOD_CASE, '--as-of', '1990-01-01'), lines: [located('001_c7c7a95bc446a0b9.yaml', 6, positionIn(good, '"1999-01-18"').column, 'as-of-before-injury', '--as-of 1990-01-01 is before the injury (1999-01-18)')] },
  { name: '--item beyond the items', make: () => check(GOOD_CASE, '--item', '5'), lines: [/001_c7c7a95bc446a0b9\.yaml:\d+:\d+: no-such-item: --item 5: the case has 2 item\(s\)$/] },
  { name: 'a Latin-1 (Windows-1252) case file', make: () => check(caseFile('latin1.yaml', Buffer.from(latin1, 'latin1'))), lines: [located('latin1.yaml', latin1At.line, latin1At.column, 'not-utf8', 'byte 0xE9 is not UTF-8: save the file as UTF-8')] },
  { name: 'a UTF-16 case file', make: () => check(caseFile('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]))), lines: [located('utf16.yaml', 1, 1, 'not-utf8', 'UTF-16 text: save the file as UTF-8')] },
  { name: 'a binary file given as a case (NUL bytes)', make: () => check(caseFile('binary.yaml', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x00, 0x01, 0x02, 0x0a]))), lines: [located('binary.yaml', 1, 5, 'binary', 'a NUL byte: this is not a text file')] },
  {
    name: 'a 50 MB case file (refused before it is read)',
    make: () => {
      const file = join(dir, 'huge.yaml');
      const fd = openSync(file, 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
      return check(file);
    },
    lines: [aboutFile('huge.yaml', '50.0 MB is over the 4.0 MB input limit (MTUS_MAX_INPUT_MB raises it)')],
  },
  { name: 'a 140 KB case over a configured 64 KB input limit (MTUS_MAX_INPUT_MB=0.0625)', make: () => check(caseFile('padded.yaml', padded)), env: { MTUS_MAX_INPUT_MB: '0.0625' }, lines: [aboutFile('padded.yaml', /1\d\d KB is over the 64 KB input limit \(MTUS_MAX_INPUT_MB raises it\)/)] },
  { name: 'a YAML alias bomb', make: () => check(caseFile('bomb.yaml', bomb)), lines: [located('bomb.yaml', positionIn(bomb, '*a').line, positionIn(bomb, '*a').column, 'yaml-aliases', 'aliases expand to too many copies (more than 100): write the values out')] },
  { name: 'nesting 100 levels deep', make: () => check(caseFile('deep.yaml', deep(100))), lines: [/deep\.yaml:\d+:\d+: too-deep: nested too deeply \(more than 64 levels\)$/] },
  { name: 'nesting 50,000 levels deep', make: () => check(caseFile('deeper.yaml', deep(50_000))), lines: [/deeper\.yaml:\d+:\d+: too-deep: nested too deeply \(more than 64 levels\)$/] },
  { name: 'a symbolic link loop given as the case', make: () => (symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml')), symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml')), check(join(dir, 'loop-a.yaml'))), lines: [aboutFile('loop-a.yaml', 'too many levels of symbolic links (a link loop)')] },
  { name: 'a case path under a regular file', make: () => check(join(GOOD_CASE, 'case.yaml')), lines: [aboutFile('001_c7c7a95bc446a0b9.yaml/case.yaml', 'a part of the path is a file, not a directory')] },
  { name: 'a named pipe given as a case', make: () => (execFileSync('mkfifo', [join(dir, 'pipe.yaml')]), check(join(dir, 'pipe.yaml'))), lines: [aboutFile('pipe.yaml', 'not a regular file')] },
];

describe('reliability: bad case files (mtus check)', () => {
  it.each(CASE_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await mtusIn(c.make(), c.env);
    expectBadInput(r, dir, { lines: c.lines });
  });

  it('the good case the inputs are made from passes', async () => {
    const r = await mtusIn(check(GOOD_CASE, '--json'));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(2);
  });
});
