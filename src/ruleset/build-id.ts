/**
 * An id for the code that is running, so a ruleset snapshot written by other code (another
 * version, another schema, other semantic checks) is never read. The build writes it beside the
 * compiled code (dist/build-id.txt); run from the TypeScript sources, it is a hash of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let id: string | undefined;

export function buildId(): string {
  return (id ??= readBuilt() ?? hashSources(fileURLToPath(new URL('..', import.meta.url))));
}

function readBuilt(): string | undefined {
  try {
    return readFileSync(new URL('../build-id.txt', import.meta.url), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

function hashSources(dir: string): string {
  const hash = (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]s$/.test(e.name)) hash.update(e.name).update(readFileSync(full));
    }
  };
  walk(dir);
  return `src-${hash.digest('hex').slice(0, 12)}`;
}
