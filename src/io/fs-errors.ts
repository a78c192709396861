/**
 * File-system errors in words, each naming the path the user gave (never a temporary file), so
 * any of them, not only "missing" or "permission denied", is a one-line input error.
 */
import { fileDiagnostic, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';

const WHY: Readonly<Record<string, [code: string, text: string]>> = {
  ENOENT: ['no-such-file', 'no such file or directory'],
  EISDIR: ['is-a-directory', 'is a directory, not a file'],
  ENOTDIR: ['not-a-directory', 'a part of the path is a file, not a directory'],
  EEXIST: ['not-a-directory', 'a part of the path is a file, not a directory'],
  EACCES: ['permission-denied', 'permission denied'],
  EPERM: ['permission-denied', 'operation not permitted'],
  ELOOP: ['symlink-loop', 'too many levels of symbolic links (a link loop)'],
  ENAMETOOLONG: ['name-too-long', 'file name too long'],
  EROFS: ['read-only', 'read-only file system'],
  ENOSPC: ['no-space', 'no space left on the device'],
  EDQUOT: ['no-space', 'disk quota exceeded'],
  EMFILE: ['too-many-open-files', 'too many open files'],
  ENFILE: ['too-many-open-files', 'too many open files in the system'],
  EBUSY: ['busy', 'resource busy'],
  EIO: ['io-error', 'input/output error'],
  ENXIO: ['no-such-device', 'no such device'],
  EINVAL: ['invalid-path', 'invalid path'],
  EXDEV: ['cross-device', 'cannot move across devices'],
};

/** True for an error raised by a file-system call (it carries an errno code and a syscall). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  const err = e as NodeJS.ErrnoException | undefined;
  return typeof err?.code === 'string' && typeof err.syscall === 'string';
}

/** The error as a whole-file diagnostic about `shown`, the path as the user wrote it. */
export function fsDiagnostic(shown: string, e: NodeJS.ErrnoException, doing?: string): Diagnostic {
  const [code, text] = WHY[e.code ?? ''] ?? ['file-error', (e.message.split(',')[0] ?? e.message).toLowerCase()];
  return fileDiagnostic(shown, code, doing ? `${doing}: ${text}` : text);
}

/** Re-throws a file-system error as an InputError about `shown`; anything else unchanged. */
export function rethrowAsInput(shown: string, e: unknown, doing?: string): never {
  if (isFsError(e)) throw new InputError([fsDiagnostic(shown, e, doing)]);
  throw e;
}
