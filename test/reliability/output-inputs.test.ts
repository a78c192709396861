/**
 * Reliability: output paths and the new commands' arguments — a schema folder under a file, a rule
 * scaffold over an existing file, bad ids, documents, sections. Nothing is written half-way.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutFile, expectBadInput, GOOD_CASE, mtusIn, tempDir, write } from './harness.js';

const dir = tempDir();

interface OutputInput {
  name: string;
  make(): string[];
  lines: RegExp[];
}

export const OUTPUT_INPUTS: OutputInput[] = [
  { name: 'schema --out under a regular file', make: () => ['schema', '--out', join(GOOD_CASE, 'schemas')], lines: [aboutFile('001_c7c7a95bc446a0b9.yaml/schemas/rule.schema.json', 'cannot create its folder: a part of the path is a file, not a directory')] },
  { name: 'new rule --out onto a file that exists', make: () => ['new', 'rule', 'odg-new-thing', '--out', write(dir, 'taken.yaml', 'x: 1\n')], lines: [aboutFile('taken.yaml', 'already exists: choose another id, or --out another file')] },
  { name: 'new rule with an id that is not kebab-case', make: () => ['new', 'rule', 'Not_An_Id', '--out', join(dir, 'x.yaml')], lines: [/^Not_An_Id: a rule id is kebab-case .+$/] },
  { name: 'new rule citing a document the registry lacks', make: () => ['new', 'rule', 'odg-x', '--document', 'Official Disability Guideline', '--out', join(dir, 'y.yaml')], lines: [/^--document: 'Official Disability Guideline' is not in the document registry \(rules\/documents\.yaml\) \(did you mean 'Official Disability Guidelines \(ODG\)'\?\)$/] },
  { name: 'new rule for a treatment the catalog lacks', make: () => ['new', 'rule', 'odg-x', '--treatment', 'flexerill', '--out', join(dir, 'z.yaml')], lines: [/^--treatment: 'flexerill' is not a catalog treatment or class \(mtus vocabulary treatments\)$/] },
  { name: 'new rule with an id already used', make: () => ['new', 'rule', 'cpmtg-baclofen', '--out', join(dir, 'w.yaml')], lines: [/^cpmtg-baclofen: a rule with this id exists already$/] },
  { name: 'vocabulary of an unknown section', make: () => ['vocabulary', 'drugs'], lines: [/^error: command-argument value 'drugs' is invalid for argument 'sections'\. expected facts, operators, tags, treatments$/] },
];

describe('reliability: output paths and arguments', () => {
  it.each(OUTPUT_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectBadInput(await mtusIn(c.make()), dir, { lines: c.lines });
  });

  it('nothing was written by any of them', () => {
    expect(readdirSync(dir)).toEqual(['taken.yaml']);
  });
});
