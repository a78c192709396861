/** Finding input files: YAML under a directory, recursively, in a stable order. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fsDiagnostic, isFsError } from '../io/fs-errors.js';

/**
 * The files under `root` that `accept` takes, or `root` itself when it is a file. An entry that
 * cannot be read (a symbolic link loop, a folder without permission, a path that vanished) is a
 * problem about that entry: pushed to `problems` and skipped when given, so the rest is still
 * listed, and thrown as an InputError otherwise.
 */
export function listFiles(root: string, accept: (file: string) => boolean, problems?: Diagnostic[]): string[] {
  const out: string[] = [];
  const fail = (path: string, e: unknown) => {
    if (!isFsError(e)) throw e;
    const d = fsDiagnostic(displayPath(path), e);
    if (!problems) throw new InputError([d]);
    problems.push(d);
  };
  const isDirectory = (path: string): boolean | undefined => {
    try {
      return statSync(path).isDirectory();
    } catch (e) {
      fail(path, e);
      return undefined;
    }
  };
  const walk = (dir: string) => {
    let names: string[];
    const types = new Map<string, 'dir' | 'file' | 'other'>();
    try {
      const entries = readdirSync(dir, { withFileTypes: true });
      for (const e of entries) types.set(e.name, e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other');
      names = entries.map((e) => e.name).sort();
    } catch (e) {
      fail(dir, e);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      // The listing knows plain files and folders; only a link (or an unknown kind) needs a stat.
      const kind = types.get(name);
      const directory = kind === 'dir' ? true : kind === 'file' ? false : isDirectory(full);
      if (directory) walk(full);
      else if (directory === false && accept(full)) out.push(full);
    }
  };
  const top = isDirectory(root);
  if (top) walk(root);
  else if (top === false) out.push(root);
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
  try {
    return statSync(path).isDirectory() && existsSync(join(path, 'catalog'));
  } catch {
    return false; // not there or unreadable: listing it reports why
  }
}

/** Command-line paths split into ruleset directories and the rule files the other paths hold. */
export function splitRulePaths(paths: readonly string[]): { roots: string[]; files: string[] } {
  const roots = paths.filter(isRulesetDir);
  const files = paths.filter((p) => !isRulesetDir(p)).flatMap((p) => listFiles(p, isYaml));
  return { roots, files };
}

/** The ruleset directory a file lies in (the nearest folder above it with a catalog), if any. */
export function enclosingRuleset(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    if (isRulesetDir(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
