/**
 * The ruleset cache (issue 12): private to the user, proved fresh by stats and content hashes,
 * validated when read (damaged or wrong-shaped snapshots are rebuilt with a notice, one that
 * cannot be replaced is a located error), and keyed so a moved ruleset reports its current paths.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/diagnostics/diagnostic.js';
import { loadRuleset } from '../../src/ruleset/load-ruleset.js';
import { rulesetFromSnapshot } from '../../src/ruleset/open-ruleset.js';
import { snapshotFile } from '../../src/ruleset/snapshot.js';
import { ascii } from '../../src/ruleset/snapshot-format.js';
import { mtus, ROOT, rulesWith } from '../helpers.js';

const CASE = join(ROOT, 'cases', 'dwc-2016-2017', 'CM16-0213037.yaml');
const RULE_FILE = join('mtus-chronic-pain', 'muscle-relaxants', 'cpmtg-cyclobenzaprine.yaml');

/** Runs `fn` with stderr captured; returns what it wrote. */
function stderrOf(fn: () => void): string {
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    fn();
    return spy.mock.calls.map((c) => String(c[0])).join('');
  } finally {
    spy.mockRestore();
  }
}

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

  it('a clean load writes one snapshot; the next start reads it back as the same ruleset', () => {
    const dir = rulesWith({});
    const first = loadRuleset(dir);
    const file = snapshotFile(dir)!;
    expect(statSync(file).isFile()).toBe(true);
    const second = rulesetFromSnapshot(dir);
    expect(second).toBeDefined();
    expect(second!.revision).toBe(first.revision);
    expect(second!.rules.map((r) => r.rule)).toEqual(first.rules.map((r) => r.rule));
    expect([...second!.presumptions.keys()]).toEqual([...first.presumptions.keys()]);
    // positions are still available, parsed on demand
    expect(second!.files.get([...second!.files.keys()][0]!)?.doc).toBeDefined();
  });

  it('a changed rule file makes the snapshot stale; a file only touched does not', () => {
    const dir = rulesWith({});
    const old = loadRuleset(dir);
    const file = join(dir, RULE_FILE);
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    expect(rulesetFromSnapshot(dir)?.revision).toBe(old.revision);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Cyclobenzaprine only', 'title: Cyclobenzaprine solely'));
    expect(rulesetFromSnapshot(dir)).toBeUndefined();
    const changed = loadRuleset(dir);
    expect(changed.revision).not.toBe(old.revision);
    expect(changed.rules.find((r) => r.rule.id === 'cpmtg-cyclobenzaprine')?.rule.title).toMatch(/^Cyclobenzaprine solely/);
  });

  it('a rule file added or removed makes the snapshot stale', () => {
    const dir = rulesWith({});
    loadRuleset(dir);
    writeFileSync(join(dir, 'mtus-chronic-pain', 'notes.yml.bak'), 'not yaml by name');
    expect(rulesetFromSnapshot(dir)).toBeDefined();
    cpSync(join(dir, RULE_FILE), join(dir, 'mtus-chronic-pain', 'copy.yaml'));
    expect(rulesetFromSnapshot(dir)).toBeUndefined();
  });

  it('the snapshot of a ruleset that no longer exists goes when another is written', () => {
    const gone = rulesWith({});
    loadRuleset(gone);
    const stale = snapshotFile(gone)!;
    rmSync(gone, { recursive: true, force: true });
    expect(statSync(stale).isFile()).toBe(true);
    loadRuleset(rulesWith({}));
    expect(() => statSync(stale)).toThrow();
  });

  it('a broken ruleset is never snapshotted and always reported', () => {
    const dir = rulesWith({ 'extra/broken.yaml': 'id: broken\ntitle: [unclosed\n' });
    expect(() => loadRuleset(dir)).toThrow(InputError);
    expect(rulesetFromSnapshot(dir)).toBeUndefined();
    expect(() => loadRuleset(dir)).toThrow(InputError);
  });

  describe('a damaged or wrong-shaped snapshot is rebuilt, with a one-line notice naming it', () => {
    const damage: Record<string, (text: string) => string> = {
      'not JSON at all': () => 'garbage',
      'an empty file': () => '',
      'JSON of another shape': () => '{"rules": []}\n{}',
      'a header of the wrong shape': (t) => t.replace('"kind":"mtus-ruleset-snapshot"', '"kind":"something-else"'),
      'content changed after it was written': (t) => t.replace('"cpmtg-cyclobenzaprine"', '"cpmtg-cyclobenzaprinX"'),
      'content cut short': (t) => t.slice(0, Math.floor(t.length * 0.8)),
    };
    for (const [what, spoil] of Object.entries(damage)) {
      it(what, () => {
        const dir = rulesWith({});
        const first = loadRuleset(dir);
        const file = snapshotFile(dir)!;
        writeFileSync(file, spoil(readFileSync(file, 'utf8')));
        let again: ReturnType<typeof loadRuleset> | undefined;
        const err = stderrOf(() => (again = loadRuleset(dir)));
        expect(err.trim().split('\n')).toHaveLength(1);
        expect(err).toContain(file);
        expect(err).toMatch(/^notice: .*not a usable ruleset snapshot \(.+\); rebuilding it\n$/);
        expect(again!.revision).toBe(first.revision);
        // replaced by a sound one: the next start reads it without a word
        expect(stderrOf(() => expect(rulesetFromSnapshot(dir)).toBeDefined())).toBe('');
      });
    }

    it('content of the right checksum but the wrong shape', () => {
      const dir = rulesWith({});
      loadRuleset(dir);
      const file = snapshotFile(dir)!;
      const [header, payload, later] = readFileSync(file, 'utf8').split('\n') as [string, string, string];
      const content = JSON.parse(payload);
      content.rules[0].rule.applies_to = 'everything';
      const forged = `${ascii(JSON.stringify(content))}\n${later}`;
      const h = JSON.parse(header);
      h.checksum = `crc32:${crc32(forged).toString(16)}:${Buffer.byteLength(forged)}`;
      writeFileSync(file, `${JSON.stringify(h)}\n${forged}`);
      const err = stderrOf(() => expect(loadRuleset(dir).rules.length).toBeGreaterThan(0));
      expect(err).toMatch(/not a usable ruleset snapshot \(its content has the wrong shape\)/);
    });
  });

  it('a ruleset moved to another directory reports its current paths, not the old ones', () => {
    const dir = rulesWith({});
    loadRuleset(dir);
    const moved = `${dir}-moved`;
    renameSync(dir, moved);
    const rs = loadRuleset(moved);
    const files = rs.rules.map((r) => r.file);
    expect(files.every((f) => f.startsWith(`${moved}/`))).toBe(true);
    expect([...rs.shared.values()].every((s) => s.file.startsWith(`${moved}/`))).toBe(true);
    // positions resolve in the moved files
    expect(rs.files.get(rs.rules[0]!.file)).toBeDefined();
    // and a copy beside the original gets its own snapshot, with its own paths
    const copy = `${dir}-copy`;
    cpSync(moved, copy, { recursive: true });
    expect(loadRuleset(copy).rules.every((r) => r.file.startsWith(`${copy}/`))).toBe(true);
    expect(rulesetFromSnapshot(moved)!.rules.every((r) => r.file.startsWith(`${moved}/`))).toBe(true);
  });
});

describe('the cache directory', () => {
  const home = mkdtempSync(join(tmpdir(), 'mtus-home-'));
  const noOverride = { MTUS_CACHE_DIR: '', HOME: home, XDG_CACHE_HOME: '' };
  afterEach(() => chmodSync(home, 0o755));

  it('is private to the user, under ~/.cache by default, and XDG_CACHE_HOME moves it', () => {
    const r = mtus(['check', CASE], { env: noOverride });
    expect(r.status).toBe(0);
    const dir = join(home, '.cache', 'mtus-rules');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).some((f) => f.endsWith('.snap'))).toBe(true);
    const xdg = join(home, 'xdg');
    expect(mtus(['check', CASE], { env: { ...noOverride, XDG_CACHE_HOME: xdg } }).status).toBe(0);
    expect(statSync(join(xdg, 'mtus-rules')).mode & 0o777).toBe(0o700);
  });

  it('--cache-dir and MTUS_CACHE_DIR choose it', () => {
    const chosen = join(home, 'chosen');
    expect(mtus(['check', CASE, '--cache-dir', chosen], { env: noOverride }).status).toBe(0);
    expect(readdirSync(chosen).some((f) => f.endsWith('.snap'))).toBe(true);
    const env = join(home, 'by-env');
    expect(mtus(['check', CASE], { env: { ...noOverride, MTUS_CACHE_DIR: env } }).status).toBe(0);
    expect(readdirSync(env).some((f) => f.endsWith('.snap'))).toBe(true);
  });

  it('a snapshot that is a directory cannot be replaced: exit 2, one located line, nothing else printed', () => {
    const cacheDir = join(home, 'dir-in-the-way');
    expect(mtus(['check', CASE, '--cache-dir', cacheDir]).status).toBe(0);
    const snap = readdirSync(cacheDir).find((f) => f.endsWith('.snap'))!;
    const path = join(cacheDir, snap);
    renameSync(path, `${path}.old`);
    mkdirSync(join(path, 'inside'), { recursive: true });
    const r = mtus(['check', CASE, '--cache-dir', cacheDir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^notice: .*\.snap: not a usable ruleset snapshot \(it is a directory\); rebuilding it$/);
    expect(lines[1]).toBe(`${path}:1:1: cache-unusable: cannot write the cache here (it is a directory); remove it, or choose another place with --cache-dir or MTUS_CACHE_DIR (MTUS_NO_CACHE=1 turns the cache off)`);
    expect(lines).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a cache directory that cannot be created: exit 2, one located line', () => {
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    const r = mtus(['check', CASE, '--cache-dir', join(file, 'cache')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${join(file, 'cache')}:1:1: cache-unusable: cannot write the cache here \\(a parent is not a directory\\);.*\\n$`));
  });

  it.skipIf(process.getuid?.() === 0)('a damaged snapshot in a read-only cache: exit 2, one located line', () => {
    const cacheDir = join(home, 'read-only');
    expect(mtus(['check', CASE, '--cache-dir', cacheDir]).status).toBe(0);
    const snap = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.snap'))!);
    writeFileSync(snap, 'garbage');
    chmodSync(cacheDir, 0o500);
    try {
      const r = mtus(['check', CASE, '--cache-dir', cacheDir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/cache-unusable: cannot write the cache here \(permission denied\)/);
    } finally {
      chmodSync(cacheDir, 0o700);
    }
  });

  it('MTUS_NO_CACHE=1 writes nothing', () => {
    const cacheDir = join(home, 'never');
    expect(mtus(['check', CASE], { env: { MTUS_NO_CACHE: '1', MTUS_CACHE_DIR: cacheDir } }).status).toBe(0);
    expect(() => statSync(cacheDir)).toThrow();
  });
});
