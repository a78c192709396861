/**
 * Reading one case file on the warm path of `mtus check`: a valid case is recognised by the quick
 * check generated at build time, so zod is loaded only to locate the problems of a case that is
 * not valid (or when there is no quick check).
 */
import type { Catalog } from '../catalog/catalog.js';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../model/case-schema.js';
import { displayPath } from '../ruleset/files.js';
import { positionOf, readYamlFile, type YamlFile } from '../yaml/yaml-document.js';
import { quickCase } from './case-shape.js';
import { checkCaseSemantics } from './case-semantics.js';
import { normaliseCase } from '../request/normalise-case.js';

export type CaseLoad = { ok: true; kase: Case } | { ok: false; diagnostics: Diagnostic[] };

/** A case valid by the schema, checked against the catalog, its problems located in its file. */
export function withSemantics(y: YamlFile, kase: Case, catalog: Catalog): CaseLoad {
  const problems = checkCaseSemantics(kase, catalog);
  // Recognition runs here, once: every item is read from its request, stated fields kept.
  if (problems.length === 0) return { ok: true, kase: normaliseCase(kase, catalog) };
  return {
    ok: false,
    diagnostics: problems.map((p) => ({ file: y.file, ...positionOf(y, p.path), code: p.code, message: p.message })).sort(compareDiagnostics),
  };
}

/** Validates a parsed case file; zod is loaded only for a case the quick check does not accept. */
export async function parseCaseFile(y: YamlFile, catalog: Catalog): Promise<CaseLoad> {
  const quick = y.syntaxErrors.length === 0 ? quickCase(y.value) : false;
  return quick ? withSemantics(y, quick, catalog) : (await import('./load-case.js')).parseCaseYaml(y, catalog);
}

/** Loads one case file, or throws InputError with every problem located. */
export async function readCaseFile(file: string, catalog: Catalog): Promise<Case> {
  const r = await parseCaseFile(readYamlFile(file, displayPath(file)), catalog);
  if (!r.ok) throw new InputError(r.diagnostics);
  return r.kase;
}
