/** A case as a YAML file, and writing it so that a reader never sees half a file. */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { writeFileAtomic } from '../../cli/write-file.js';
import type { Case } from '../../model/case-schema.js';

const HEADER = [
  '# Imported by `mtus import` from the letter named in `source`. Facts come from the CLINICAL CASE',
  '# SUMMARY and the request lines only; each carries its sentence in `evidence`. The rationale is',
  '# the reviewer\'s, kept for reference, never a source of facts.',
].join('\n');

export function caseToYaml(kase: Case): string {
  return `${HEADER}\n${stringify(kase, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** Writes `<dir>/<id>.yaml` whole (a temporary file renamed into place), or throws an InputError naming it. */
export function writeCaseFile(dir: string, kase: Case): string {
  const target = join(dir, `${kase.id}.yaml`);
  writeFileAtomic(target, caseToYaml(kase));
  return target;
}
