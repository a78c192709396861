/**
 * A loaded ruleset, and how it is built from validated content: the catalog indexed, every rule
 * compiled, the rules indexed for selection. Nothing here parses YAML or runs a schema, so a
 * ruleset read back from its snapshot costs none of that.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog, type CatalogData } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { CompileError, compileRule, type SharedCriterion } from '../engine/compile-rule.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { DocumentRegistry, type DocumentEntry } from '../eras/registry.js';
import type { Presumption } from '../model/presumption-schema.js';
import type { CriterionNode, Rule } from '../model/rule-schema.js';
import { parseYaml, positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { displayPath, isYaml, listFiles } from './files.js';
import { RuleIndex } from './rule-index.js';

export interface Ruleset {
  dir: string;
  catalog: Catalog;
  rules: CompiledRule[];
  shared: ReadonlyMap<string, SharedCriterion>;
  /** how silence is read: the presumptions the policy file declares, by id */
  presumptions: ReadonlyMap<string, Presumption>;
  index: RuleIndex;
  /** short hash of every file in the ruleset: two runs with the same revision used the same rules */
  revision: string;
  /** parsed files by display path, for locating criteria in reports */
  files: ReadonlyMap<string, YamlFile>;
  /** the guideline documents the rules cite (documents.yaml; the bundled registry when the ruleset has none) */
  documents: DocumentRegistry;
  /** the validated content it was built from (worker threads build their own copy from it) */
  content: RulesetContent;
}

/** The rules bundled with the package. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/**
 * A ruleset's validated content. Files are named relative to the ruleset directory (files from
 * outside it by their full path), so the content reads the same wherever the ruleset is and
 * whatever the working directory; they become display paths only when the ruleset is built.
 */
export interface RulesetContent {
  data: CatalogData;
  shared: { id: string; everyRule: boolean; node: CriterionNode; file: string; path: PathSegment[] }[];
  presumptions: { presumption: Presumption; file: string; path: PathSegment[] }[];
  rules: { rule: Rule; file: string }[];
  /** the ruleset's documents.yaml, or the bundled registry (files named in full) when it has none */
  documents: { bundled: boolean; entries: DocumentEntry[] };
}

/** A content file name for `path`: relative to `dir` with forward slashes, or absolute outside it. */
export function contentName(dir: string, path: string): string {
  const rel = relative(dir, path);
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel.split(sep).join('/');
}

/** The path users see for a content file name. */
export function shownPath(dir: string, name: string): string {
  return displayPath(isAbsolute(name) ? name : join(dir, name));
}

export interface LoadedRuleset {
  ruleset: Ruleset;
  /** problems found building it (rules that did not compile), located through `files` */
  diagnostics: Diagnostic[];
}

/**
 * Builds the ruleset from valid content: catalog, compiled rules, index. `files` parses the YAML
 * (keyed by display path) when a position is first needed: to report a problem, or coverage.
 */
export function assembleRuleset(dir: string, revision: string, content: RulesetContent, files: () => Map<string, YamlFile>): LoadedRuleset {
  const diagnostics: Diagnostic[] = [];
  const catalog = new Catalog(content.data);
  const shared = new Map(content.shared.map((s) => [s.id, { ...s, file: shownPath(dir, s.file) }]));
  let parsed: Map<string, YamlFile> | undefined;
  const lazyFiles = () => (parsed ??= files());
  const compiled: CompiledRule[] = [];
  for (const { rule, file } of content.rules) {
    try {
      compiled.push(compileRule(rule, shownPath(dir, file), shared));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      const y = lazyFiles().get(e.origin.file);
      diagnostics.push({ file: e.origin.file, ...(y ? positionOf(y, e.origin.path) : { line: 1, column: 1 }), code: e.code, message: e.message });
    }
  }
  const presumptions = new Map(content.presumptions.map((p) => [p.presumption.id, p.presumption]));
  const { bundled, entries } = content.documents;
  const documents = new DocumentRegistry(bundled ? entries : entries.map((d) => ({ ...d, ...(d.file ? { file: shownPath(dir, d.file) } : {}) })));
  const ruleset = { dir, catalog, rules: compiled, shared, presumptions, index: new RuleIndex(compiled, catalog), revision, documents, content } as Omit<Ruleset, 'files'>;
  Object.defineProperty(ruleset, 'files', { get: lazyFiles, enumerable: true });
  return { ruleset: ruleset as Ruleset, diagnostics };
}

/** Every YAML file of a ruleset directory parsed with positions, by display path. */
export function parseRulesetFiles(dir: string): Map<string, YamlFile> {
  return new Map(listFiles(dir, isYaml).map((path) => {
    const shown = displayPath(path);
    return [shown, parseYaml(shown, readFileSync(path, 'utf8'))];
  }));
}
