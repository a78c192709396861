/** Reads case files: YAML validated against the case schema and the catalog, with located errors. */
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { Case } from '../model/case-schema.js';
import { displayPath } from '../ruleset/files.js';
import { validateYaml } from '../yaml/validate.js';
import { readYamlFile, type YamlFile } from '../yaml/yaml-document.js';
import { quickCase } from './case-shape.js';
import { withSemantics, type CaseLoad } from './read-case.js';

export type { CaseLoad } from './read-case.js';

/** Validates a parsed case file: the quick check when it can answer, zod to locate problems. */
export function parseCaseYaml(y: YamlFile, catalog: Catalog): CaseLoad {
  const quick = y.syntaxErrors.length === 0 ? quickCase(y.value) : false;
  if (quick) return withSemantics(y, quick, catalog);
  const v = validateYaml(Case, y);
  return v.ok ? withSemantics(y, v.value, catalog) : { ok: false, diagnostics: v.diagnostics };
}

/** Loads one case file, or throws InputError with every problem located. */
export function loadCaseFile(file: string, catalog: Catalog): Case {
  const r = parseCaseYaml(readYamlFile(file, displayPath(file)), catalog);
  if (!r.ok) throw new InputError(r.diagnostics);
  return r.kase;
}
