/** Reads case files: YAML validated against the case schema and the catalog, with located errors. */
import type { Catalog } from '../catalog/catalog.js';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Case } from '../model/case-schema.js';
import { displayPath } from '../ruleset/files.js';
import { validateYaml } from '../yaml/validate.js';
import { positionOf, readYamlFile, type YamlFile } from '../yaml/yaml-document.js';
import { normaliseCase } from '../request/normalise-case.js';
import { checkCaseSemantics } from './case-semantics.js';

export type CaseLoad = { ok: true; kase: Case } | { ok: false; diagnostics: Diagnostic[] };

export function parseCaseYaml(y: YamlFile, catalog: Catalog): CaseLoad {
  const v = validateYaml(Case, y);
  if (!v.ok) return { ok: false, diagnostics: v.diagnostics };
  const problems = checkCaseSemantics(v.value, catalog);
  // Recognition runs here, once: every item is read from its request, stated fields kept.
  if (problems.length === 0) return { ok: true, kase: normaliseCase(v.value, catalog) };
  return {
    ok: false,
    diagnostics: problems.map((p) => ({ file: y.file, ...positionOf(y, p.path), code: p.code, message: p.message })).sort(compareDiagnostics),
  };
}

/** Loads one case file, or throws InputError with every problem located. */
export function loadCaseFile(file: string, catalog: Catalog): Case {
  const r = parseCaseYaml(readYamlFile(file, displayPath(file)), catalog);
  if (!r.ok) throw new InputError(r.diagnostics);
  return r.kase;
}
