/**
 * Where mtus keeps what it can rebuild (compiled ruleset snapshots, text extracted from PDFs):
 * a directory private to the user, never the shared temporary directory, where another user could
 * plant a file. In order: `--cache-dir`, MTUS_CACHE_DIR, $XDG_CACHE_HOME/mtus-rules,
 * ~/.cache/mtus-rules. MTUS_NO_CACHE=1 turns caching off.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../diagnostics/diagnostic.js';

let chosen: string | undefined;

/** Set by `--cache-dir`; worker threads are handed the same directory. */
export function setCacheDir(dir: string | undefined): void {
  chosen = dir === undefined ? undefined : resolve(dir);
}

/** The cache directory in force, or undefined when caching is off. */
export function cacheDir(): string | undefined {
  if (process.env.MTUS_NO_CACHE) return undefined;
  if (chosen) return chosen;
  if (process.env.MTUS_CACHE_DIR) return resolve(process.env.MTUS_CACHE_DIR);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'mtus-rules');
}

/**
 * The cache directory (or a folder inside it), created private (0700) if missing. A cache that
 * cannot be created is a located input error, with what to do about it.
 */
export function ensureCacheDir(sub?: string): string | undefined {
  const root = cacheDir();
  if (!root) return undefined;
  const dir = sub ? join(root, sub) : root;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    makePrivate(root);
  } catch (e) {
    throw cacheError(dir, e);
  }
  return dir;
}

/** A cache directory we own that others can read or write is narrowed to its owner. */
function makePrivate(dir: string): void {
  const st = statSync(dir);
  if ((st.mode & 0o077) !== 0 && typeof process.getuid === 'function' && st.uid === process.getuid()) chmodSync(dir, 0o700);
}

/** One located line for a cache path that cannot be used, and how to get round it. */
export function cacheError(path: string, error: unknown): InputError {
  let e = error;
  if (e instanceof InputError) e = Object.assign(new Error(e.diagnostics[0]?.message ?? e.message), { code: (e.diagnostics[0]?.code === 'is-a-directory' ? 'EISDIR' : undefined) });
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'EISDIR' ? 'it is a directory' : err.code === 'ENOTDIR' ? 'a parent is not a directory' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : (err.message ?? String(e));
  return new InputError([{
    file: path, line: 1, column: 1, code: 'cache-unusable',
    message: `cannot write the cache here (${why}); remove it, or choose another place with --cache-dir or MTUS_CACHE_DIR (MTUS_NO_CACHE=1 turns the cache off)`,
  }]);
}

/** A one-line notice on stderr, for a cache file found damaged and rebuilt. */
export function cacheNotice(file: string, what: string): void {
  process.stderr.write(`notice: ${file}: ${what}\n`);
}
