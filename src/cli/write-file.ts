/**
 * Writes a whole file or nothing: a temporary file beside the target, then a rename. Whatever
 * fails (the target is a folder, a part of its path is a file, the folder is read-only, the disk
 * is full), the temporary file is removed and the error names the path the user gave.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { isFsError, rethrowAsInput } from '../io/fs-errors.js';

export function writeFileAtomic(path: string, content: string, shown: string = path): void {
  if (isDirectory(path, shown)) throw new InputError([fileDiagnostic(shown, 'is-a-directory', 'is a directory: name a file to write')]);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    rethrowAsInput(shown, e, 'cannot create its folder');
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    rethrowAsInput(shown, e, 'cannot be written');
  }
}

function isDirectory(path: string, shown: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    if (isFsError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return false; // created below, or reported there
    return rethrowAsInput(shown, e, 'cannot be written');
  }
}
