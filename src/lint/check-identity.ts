/** Rule ids are the address of everything: unique, and equal to the file name. */
import { basename } from 'node:path';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { Report } from './locate.js';

export function checkIdentity(ruleset: Ruleset, report: Report): void {
  const first = new Map<string, string>();
  for (const c of ruleset.rules) {
    const id = c.rule.id;
    const stem = basename(c.file).replace(/\.ya?ml$/, '');
    if (stem !== id) report(c.file, ['id'], 'file-name-mismatch', `rule id '${id}' differs from its file name '${stem}'`);
    const seen = first.get(id);
    if (seen) report(c.file, ['id'], 'duplicate-rule-id', `rule id '${id}' is already used by ${seen}`);
    else first.set(id, c.file);
  }
}
