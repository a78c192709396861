/** Finding input files: YAML under a directory, recursively, in a stable order. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function listFiles(root: string, accept: (file: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    // Entry types come with the listing; only a link needs a stat to know what it points to.
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const isDir = entry.isDirectory() || (!entry.isFile() && statSync(full).isDirectory());
      if (isDir) walk(full);
      else if (accept(full)) out.push(full);
    }
  };
  if (statSync(root).isDirectory()) walk(root);
  else out.push(root);
  return out;
}

export const isYaml = (f: string) => f.endsWith('.yaml') || f.endsWith('.yml');

/** A path as users see it: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  const shown = rel.startsWith('..') || rel === '' ? file : rel;
  return shown.split(sep).join('/');
}

/** A directory with a catalog is a whole ruleset; other paths name rule files. */
export function isRulesetDir(path: string): boolean {
  return statSync(path).isDirectory() && existsSync(join(path, 'catalog'));
}

/** Command-line paths split into ruleset directories and the rule files the other paths hold. */
export function splitRulePaths(paths: readonly string[]): { roots: string[]; files: string[] } {
  const roots = paths.filter(isRulesetDir);
  const files = paths.filter((p) => !isRulesetDir(p)).flatMap((p) => listFiles(p, isYaml));
  return { roots, files };
}
