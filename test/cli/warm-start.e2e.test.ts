/**
 * What a warm `mtus check` loads: the ruleset comes from its snapshot and the case is validated by
 * the quick check generated at build time, so neither zod nor the YAML rule loader is loaded. A
 * module hook records every module the process loads; the bundle's chunks name what they hold.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mtus, ROOT } from '../helpers.js';

const CASE = join(ROOT, 'cases', 'dwc-2016-2017', 'CM16-0213037.yaml');

/** The files a `mtus` run loads as modules, and its result. */
function loadedBy(args: string[], cache: string) {
  const dir = mkdtempSync(join(tmpdir(), 'mtus-loads-'));
  const log = join(dir, 'loaded.txt');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  writeFileSync(log, '');
  const r = mtus(args, { env: { MTUS_CACHE_DIR: cache, NODE_OPTIONS: `--import ${register}` } });
  const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return { r, files };
}

/** The packages and sources a bundled file holds, from the path comments esbuild writes. */
function contents(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((m) => m[1]!);
}

describe('a warm mtus check', () => {
  it('loads neither zod nor the rule files loader', () => {
    const cache = mkdtempSync(join(tmpdir(), 'mtus-cache-'));
    expect(mtus(['check', CASE], { env: { MTUS_CACHE_DIR: cache } }).status).toBe(0); // writes the snapshot
    const { r, files } = loadedBy(['check', CASE], cache);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const held = files.filter((f) => f.startsWith(join(ROOT, 'dist', 'cli'))).flatMap(contents);
    // the hook saw the command's own code
    expect(held).toContain('src/cli/commands/check.ts');
    expect(held).toContain('src/cases/case-shape.ts');
    expect(held.filter((m) => m.startsWith('node_modules/zod/'))).toEqual([]);
    expect(held).not.toContain('src/ruleset/load-ruleset.ts');
    expect(held).not.toContain('src/model/case-schema.ts');
  });
});
