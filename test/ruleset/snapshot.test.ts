import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { loadRuleset } from '../../src/ruleset/load-ruleset.js';
import { rulesWith } from '../helpers.js';

describe('ruleset snapshots', () => {
  const cache = mkdtempSync(join(tmpdir(), 'mtus-cache-'));
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.MTUS_CACHE_DIR;
    process.env.MTUS_CACHE_DIR = cache;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.MTUS_CACHE_DIR;
    else process.env.MTUS_CACHE_DIR = before;
  });

  it('a clean load writes a snapshot; the next load reads it and yields the same ruleset', () => {
    const dir = rulesWith({});
    const first = loadRuleset(dir);
    const written = readdirSync(cache).filter((f) => f.startsWith(first.revision));
    expect(written).toHaveLength(1);
    const second = loadRuleset(dir);
    expect(second.revision).toBe(first.revision);
    expect(second.rules.map((r) => r.rule)).toEqual(first.rules.map((r) => r.rule));
    // positions are still available, parsed on demand
    expect(second.files.get([...second.files.keys()][0]!)?.doc).toBeDefined();
  });

  it('a changed rule file is a new revision: the snapshot of the old one is not used', () => {
    const dir = rulesWith({});
    const old = loadRuleset(dir);
    const file = join(dir, 'mtus-chronic-pain', 'muscle-relaxants', 'cpmtg-cyclobenzaprine.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Cyclobenzaprine only', 'title: Cyclobenzaprine solely'));
    const changed = loadRuleset(dir);
    expect(changed.revision).not.toBe(old.revision);
    expect(changed.rules.find((r) => r.rule.id === 'cpmtg-cyclobenzaprine')?.rule.title).toMatch(/^Cyclobenzaprine solely/);
  });

  it('a broken ruleset is never snapshotted and always reported', () => {
    const dir = rulesWith({ 'extra/broken.yaml': 'id: broken\ntitle: [unclosed\n' });
    expect(() => loadRuleset(dir)).toThrow(InputError);
    expect(() => loadRuleset(dir)).toThrow(InputError);
  });
});
