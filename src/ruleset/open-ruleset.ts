/**
 * Opening a ruleset on the warm path: from its snapshot when that is fresh, with no YAML parsed and
 * no schema loaded; otherwise the full loader is imported and run (it writes a new snapshot).
 */
import { InputError } from '../diagnostics/diagnostic.js';
import { BUNDLED_RULES_DIR, assembleRuleset, parseRulesetFiles, type Ruleset } from './ruleset.js';
import { readSnapshot, reportDamaged, writeSnapshot } from './snapshot.js';

/** The ruleset read back from a fresh snapshot, or undefined when it must be loaded from its files. */
export function rulesetFromSnapshot(dir: string): Ruleset | undefined {
  const read = readSnapshot(dir);
  if (read.status === 'damaged') {
    reportDamaged(read);
    return undefined;
  }
  if (read.status !== 'fresh') return undefined;
  try {
    const { ruleset, diagnostics } = assembleRuleset(dir, read.revision, read.content, () => parseRulesetFiles(dir));
    if (diagnostics.length === 0) {
      if (read.restamped) writeSnapshot(dir, read.revision, read.restamped, Date.now(), read.content);
      return ruleset;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
  }
  reportDamaged({ status: 'damaged', file: read.file, why: 'its content does not build' });
  return undefined;
}

/** Loads a ruleset for evaluation, reading as little as its snapshot allows. */
export async function openRuleset(dir: string = BUNDLED_RULES_DIR): Promise<Ruleset> {
  return rulesetFromSnapshot(dir) ?? (await import('./load-ruleset.js')).loadRulesetFromFiles(dir);
}
