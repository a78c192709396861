/** Lint checks report at a YAML path of a ruleset file. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { positionOf, type PathSegment } from '../yaml/yaml-document.js';

export type Report = (file: string, path: PathSegment[], code: string, message: string, opts?: { key?: boolean; severity?: 'warning' }) => void;

export function reporter(ruleset: Ruleset, into: Diagnostic[]): Report {
  return (file, path, code, message, opts = {}) => {
    const y = ruleset.files.get(file);
    const pos = y ? positionOf(y, path, { key: opts.key ?? false }) : { line: 1, column: 1 };
    into.push({ file, ...pos, code, message, ...(opts.severity ? { severity: opts.severity } : {}) });
  };
}
