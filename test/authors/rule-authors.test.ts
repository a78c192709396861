/**
 * Rule authors: lint one bundled file at a time, test failures and coverage scoped to the files
 * given, the vocabulary, a scaffolded rule, and --watch.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAndWatch } from '../../src/cli/watch.js';
import { lint } from '../../src/lint/lint.js';
import { isYaml, listFiles } from '../../src/ruleset/files.js';
import { mtusIn, tempDir } from '../reliability/harness.js';
import { RULES_DIR } from '../helpers.js';

const ruleFiles = () => listFiles(RULES_DIR, isYaml).filter((f) => !/\/(catalog|shared|schema|formulary)\//.test(f) && !/\/documents\.yaml$/.test(f));

describe('mtus lint on rule files', () => {
  it('every bundled rule file, given by itself, lints clean: judged as the member of its ruleset it is', async () => {
    const files = ruleFiles();
    expect(files.length).toBeGreaterThanOrEqual(100);
    // One run over all of them takes each file down the same path a single-file lint does.
    const all = await lint(files);
    expect(all.diagnostics).toEqual([]);
    expect(all.rules).toBe(files.length);
    // And three of them one at a time, through the command, as a rule author types it.
    for (const f of [files[0]!, files[Math.floor(files.length / 2)]!, files.at(-1)!]) {
      const r = await mtusIn(['lint', f.slice(RULES_DIR.length - 'rules'.length)]);
      expect(r.stdout, f).toBe('no problems in 1 rule(s)\n');
      expect(r.status).toBe(0);
    }
  });
});

describe('mtus test on rule files', () => {
  const copy = () => {
    const dir = tempDir();
    cpSync(RULES_DIR, join(dir, 'rules'), { recursive: true });
    return join(dir, 'rules');
  };

  it('a failing example is named by file:line:column; coverage covers the files given only', async () => {
    const rules = copy();
    const file = join(rules, 'mtus-chronic-pain', 'muscle-relaxants', 'cpmtg-baclofen.yaml');
    const text = readFileSync(file, 'utf8');
    // The last example's expected outcome turned around: it must fail, and be named where it is written.
    const flipAt = text.lastIndexOf('expect: { outcome: overturned }');
    expect(flipAt).toBeGreaterThan(0);
    const changed = `${text.slice(0, flipAt)}expect: { outcome: upheld }${text.slice(flipAt + 'expect: { outcome: overturned }'.length)}`;
    writeFileSync(file, changed);
    const at = changed.slice(0, changed.lastIndexOf('\n  - name:', flipAt)).split('\n').length + 1;
    const r = await mtusIn(['test', file, '--coverage', '--json'], { MTUS_NO_CACHE: '1' });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    const failed = out.examples.filter((x: { passed: boolean }) => !x.passed);
    expect(failed.length).toBeGreaterThan(0);
    for (const x of failed) expect(x).toMatchObject({ file: expect.stringMatching(/cpmtg-baclofen\.yaml$/), line: at, column: 5 });
    expect(new Set(out.coverage.criteria.map((c: { file: string }) => c.file))).toEqual(new Set([expect.stringMatching(/cpmtg-baclofen\.yaml$/)]));
    const text2 = await mtusIn(['test', file], { MTUS_NO_CACHE: '1' });
    expect(text2.stdout).toMatch(new RegExp(`^FAIL .*cpmtg-baclofen\\.yaml:${at}:5: cpmtg-baclofen › `, 'm'));
  });

  it('--watch runs again when a rule file changes, and reports bad input without stopping', async () => {
    const rules = copy();
    const file = join(rules, 'odg', 'dme', 'odg-dme-commode.yaml');
    const original = readFileSync(file, 'utf8');
    const out: string[] = [];
    const stop = new AbortController();
    let runs = 0;
    const watching = runAndWatch([rules], async () => {
      runs++;
      const r = await mtusIn(['test', file], { MTUS_NO_CACHE: '1' });
      out.push(r.stdout, r.stderr);
      if (r.status === 2) throw new (await import('../../src/diagnostics/diagnostic.js')).InputError([{ file, line: 1, column: 1, code: 'x', message: r.stderr.trim() }]);
    }, { signal: stop.signal, debounceMs: 50, out: { write: (s: string) => out.push(s) } });
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(cond()).toBe(true);
    };
    await until(() => runs === 1 && out.join('').includes('watching'));
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: [unclosed'));
    await until(() => runs === 2 && out.join('').includes('yaml-syntax'));
    writeFileSync(file, original);
    await until(() => runs === 3 && /PASS: \d+\/\d+ examples/.test(out.slice(-6).join('')));
    stop.abort();
    await watching;
  });
});

describe('mtus vocabulary', () => {
  it('lists facts, operators, tags and treatments, in text and JSON', async () => {
    const json = JSON.parse((await mtusIn(['vocabulary', '--json'])).stdout);
    expect(Object.keys(json)).toEqual(['facts', 'operators', 'tags', 'treatments']);
    expect(json.facts.find((f: { name: string }) => f.name === 'condition')).toMatchObject({ type: 'boolean', params: { tag: 'condition' } });
    expect(json.operators.find((o: { operator: string }) => o.operator === 'intersects')).toEqual({ operator: 'intersects', types: ['list'] });
    expect(json.tags.find((t: { id: string }) => t.id === 'crps')).toMatchObject({ kind: 'condition', names: expect.arrayContaining(['RSD']) });
    expect(json.treatments.find((t: { id: string }) => t.id === 'cyclobenzaprine')).toMatchObject({ kind: 'drug', classes: ['muscle_relaxant'], names: expect.arrayContaining(['flexeril']) });
    expect(json.treatments.find((t: { id: string }) => t.id === 'muscle_relaxant')).toMatchObject({ kind: 'class' });
    const text = (await mtusIn(['vocabulary', 'operators'])).stdout;
    expect(text).toMatch(/^Operators \(\d+\)\n {2}contains +list$/m);
    expect(text).not.toMatch(/Facts/);
  });
});

describe('mtus new rule', () => {
  it('scaffolds a rule whose examples fail and whose TODOs lint flags until filled in', async () => {
    const dir = tempDir();
    cpSync(RULES_DIR, join(dir, 'rules'), { recursive: true });
    const rules = join(dir, 'rules');
    const made = await mtusIn(['new', 'rule', 'cpmtg-new-topic', '--document', 'MTUS Chronic Pain Medical Treatment Guidelines', '--treatment', 'tramadol', '--rules', rules], { MTUS_NO_CACHE: '1' });
    expect(made.status).toBe(0);
    const file = join(rules, 'mtus-chronic-pain', 'cpmtg-new-topic.yaml');
    expect(made.stdout).toBe(`wrote ${file}: replace every TODO, then run mtus test ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/rule\.schema\.json$/m);
    expect(text).toMatch(/^ {2}document: "MTUS Chronic Pain Medical Treatment Guidelines"\n {2}edition: "2009"$/m);
    expect(text).toMatch(/^effective: \{ from: "2009-07-18", to: "2016-07-28" \}$/m);
    const test = await mtusIn(['test', file], { MTUS_NO_CACHE: '1' });
    expect(test.status).toBe(1);
    expect(test.stdout).toMatch(/FAIL: 0\/4 examples/);
    const lintRun = await mtusIn(['lint', file], { MTUS_NO_CACHE: '1' });
    expect(lintRun.status).toBe(2);
    expect(lintRun.stdout.match(/todo-left/g)!.length).toBeGreaterThanOrEqual(8);
  });
});
