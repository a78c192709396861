/**
 * Validates a case, from a file or built in code: its shape (the case schema) and its meaning
 * against the catalog (condition and finding tags, treatments, possible dates). From a file each
 * problem is located at file:line:column; in code it names the case and the path of the value.
 */
import type { Catalog } from '../catalog/catalog.js';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Case } from '../model/case-schema.js';
import { displayPath } from '../ruleset/files.js';
import { issuesToProblems } from '../yaml/validate.js';
import { readYamlFile } from '../yaml/yaml-document.js';
import { checkCaseSemantics } from './case-semantics.js';
import { parseCaseYaml } from './load-case.js';

export type CaseValidation = { ok: true; kase: Case } | { ok: false; diagnostics: Diagnostic[] };

/**
 * An in-code case checked as a case file would be. Problems have no line (there is no file): they
 * read `<name>: <path>: <message>`, `name` being the case id unless given.
 */
export function validateCase(value: unknown, catalog: Catalog, name?: string): CaseValidation {
  const shown = name ?? caseName(value);
  const at = (path: readonly (string | number)[], code: string, message: string): Diagnostic => ({
    file: shown,
    line: 0,
    column: 0,
    code,
    message: path.length ? `${path.join('.')}: ${message}` : message,
  });
  const parsed = Case.safeParse(value, { reportInput: true });
  if (!parsed.success) return { ok: false, diagnostics: issuesToProblems(parsed.error.issues).map((p) => at(p.path, p.code, p.message)) };
  const problems = checkCaseSemantics(parsed.data, catalog);
  if (problems.length > 0) return { ok: false, diagnostics: problems.map((p) => at(p.path, p.code, p.message)).sort(compareDiagnostics) };
  return { ok: true, kase: parsed.data };
}

/** A case file, every problem located at file:line:column; an unreadable file is one problem too. */
export function validateCaseFile(file: string, catalog: Catalog): CaseValidation {
  try {
    return parseCaseYaml(readYamlFile(file, displayPath(file)), catalog);
  } catch (e) {
    if (e instanceof InputError) return { ok: false, diagnostics: e.diagnostics };
    throw e;
  }
}

function caseName(value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? `case ${id}` : 'case';
}
