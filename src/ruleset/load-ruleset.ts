/**
 * Loads a ruleset directory: the catalog (rules/catalog/), shared criteria (rules/shared/) and
 * one rule per file everywhere else. Every file is validated with positions kept; any problem
 * aborts the load with located diagnostics, so nothing is evaluated against a broken ruleset.
 * A ruleset already validated at the same revision is read back from its snapshot.
 */
import { createHash } from 'node:crypto';
import { basename, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../catalog/catalog.js';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CompileError, compileRule, type SharedCriterion } from '../engine/compile-rule.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { RequestVocabularyFile, TermCatalogFile, TreatmentCatalogFile, type TreatmentEntry } from '../model/catalog-schema.js';
import { mergeVocabulary, vocabularyReferences } from '../request/vocabulary-file.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { readInputText } from '../io/read-input.js';
import { PresumptionsFile, type Presumption } from '../model/presumption-schema.js';
import { checkPresumptions } from '../presumptions/check-presumptions.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import { DocumentRegistry } from '../eras/registry.js';
import { bundledDocuments } from '../eras/bundled-documents.js';
import { validateYaml } from '../yaml/validate.js';
import { REASONS_DIR, validateReasonFile } from '../rationale/reason-data.js';
import { parseYaml, positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { readSnapshot, writeSnapshot, type SnapshotContent } from './snapshot.js';
import { displayPath, isYaml, listFiles } from './files.js';
import { RuleIndex } from './rule-index.js';
import { checkRuleSemantics, looseLeavesOf, walk, type LooseLeaf } from './rule-semantics.js';

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
}

/** The rules bundled with the package. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

type Kind = 'treatments' | 'request' | 'terms' | 'shared' | 'presumptions' | 'documents' | 'formulary' | 'reasons' | 'rule';

/** The policy file: how the ruleset reads the records' silence. */
export const PRESUMPTIONS_FILE = 'presumptions.yaml';

function kindOf(dir: string, file: string): Kind {
  const rel = relative(dir, file).split(sep);
  if (rel.length === 1 && /^documents\.ya?ml$/.test(rel[0]!)) return 'documents';
  // The MTUS Drug Formulary's policies and drug list are data the formulary module reads.
  if (rel[0] === 'formulary') return 'formulary';
  if (rel[0] === 'catalog') {
    const name = basename(file);
    return name.startsWith('treatments') ? 'treatments' : name.startsWith('request') ? 'request' : 'terms';
  }
  if (rel[0] === 'shared') return basename(file) === PRESUMPTIONS_FILE ? 'presumptions' : 'shared';
  if (rel[0] === REASONS_DIR) return 'reasons';
  return 'rule';
}

export interface LoadedRuleset {
  ruleset: Ruleset;
  diagnostics: Diagnostic[];
}

interface Source {
  path: string;
  shown: string;
  kind: Kind;
  text: string;
}

/**
 * Every file of the ruleset, read once, and the revision hash over them. A file that cannot be
 * listed or read (a link loop, not UTF-8, too large) is a problem; the others are still read.
 */
function readSources(dir: string, extraRules: readonly string[]): { sources: Source[]; revision: string; problems: Diagnostic[] } {
  const problems: Diagnostic[] = [];
  const listed = listFiles(dir, isYaml, problems);
  // A rule file that is already part of the ruleset is that member, not a second copy of it.
  const members = new Set(listed.map((f) => resolve(f)));
  const outside = extraRules.filter((f) => !members.has(resolve(f)));
  const extra = new Set(outside);
  const hash = createHash('sha256');
  const sources: Source[] = [];
  for (const path of [...listed, ...outside]) {
    const shown = displayPath(path);
    let text: string;
    try {
      text = readInputText(path, shown);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.diagnostics);
      continue;
    }
    hash.update(relative(dir, path)).update('\0').update(text).update('\0');
    sources.push({ path, shown, kind: extra.has(path) ? 'rule' : kindOf(dir, path), text });
  }
  return { sources, revision: hash.digest('hex').slice(0, 12), problems };
}

/**
 * Loads a ruleset for evaluation; any problem throws InputError with located diagnostics.
 * An unchanged ruleset is read from its snapshot, skipping YAML parsing and validation.
 */
export function loadRuleset(dir: string = BUNDLED_RULES_DIR): Ruleset {
  const { sources, revision, problems } = readSources(dir, []);
  if (problems.length > 0) throw new InputError(problems.sort(compareDiagnostics));
  const cached = readSnapshot(revision);
  if (cached) {
    const { ruleset, diagnostics } = assemble(dir, revision, cached, () => parseFiles(sources));
    if (diagnostics.length === 0) return ruleset;
  }
  const { content, files, diagnostics, loose } = validateSources(sources);
  const { ruleset, diagnostics: more } = assemble(dir, revision, content, () => files, loose);
  const all = [...diagnostics, ...more].sort(compareDiagnostics);
  if (all.length > 0) throw new InputError(all);
  writeSnapshot(revision, content);
  return ruleset;
}

/**
 * Loads everything it can and returns the problems beside the ruleset (lint reports them all).
 * `extraRules` are rule files outside the directory, judged as if they were part of it.
 */
export function loadRulesetCollecting(dir: string = BUNDLED_RULES_DIR, extraRules: readonly string[] = []): LoadedRuleset {
  const { sources, revision, problems } = readSources(dir, extraRules);
  const { content, files, diagnostics, loose } = validateSources(sources);
  const { ruleset, diagnostics: more } = assemble(dir, revision, content, () => files, loose);
  return { ruleset, diagnostics: [...problems, ...diagnostics, ...more].sort(compareDiagnostics) };
}

function parseFiles(sources: readonly Source[]): Map<string, YamlFile> {
  return new Map(sources.map((s) => [s.shown, parseYaml(s.shown, s.text)]));
}

/** Parses and validates every file with positions kept, gathering the valid content. */
function validateSources(sources: readonly Source[]): { content: SnapshotContent; files: Map<string, YamlFile>; diagnostics: Diagnostic[]; loose: LooseLeaf[] } {
  const diagnostics: Diagnostic[] = [];
  const loose: LooseLeaf[] = [];
  const files = parseFiles(sources);
  const content: SnapshotContent = { data: { treatments: [], classes: [], conditions: [], findings: [], vocabulary: {} }, shared: [], presumptions: [], rules: [] };
  let documents: SnapshotContent['documents'];
  const vocabularyFiles: { file: string; value: RequestVocabularyFile }[] = [];
  const treatmentOrigins: { file: string; index: number; entry: TreatmentEntry }[] = [];
  const catalogIds = new Map<string, string>();
  const claim = (kind: string, id: string, file: string, path: PathSegment[]) => {
    const first = catalogIds.get(`${kind}:${id}`);
    if (first) diagnostics.push({ file, ...positionOf(files.get(file)!, path), code: 'duplicate-catalog-id', message: `${kind} '${id}' is already defined in ${first}` });
    else catalogIds.set(`${kind}:${id}`, file);
  };
  const { data } = content;
  for (const source of sources) {
    const y = files.get(source.shown)!;
    const shown = source.shown;
    if (source.kind === 'treatments') {
      const v = validateYaml(TreatmentCatalogFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else {
        v.value.treatments.forEach((t, i) => claim('treatment', t.id, shown, ['treatments', i, 'id']));
        v.value.treatments.forEach((entry, index) => treatmentOrigins.push({ file: shown, index, entry }));
        (v.value.classes ?? []).forEach((c, i) => claim('treatment', c.id, shown, ['classes', i, 'id']));
        data.treatments.push(...v.value.treatments);
        data.classes.push(...(v.value.classes ?? []));
      }
    } else if (source.kind === 'request') {
      const v = validateYaml(RequestVocabularyFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else {
        vocabularyFiles.push({ file: shown, value: v.value });
        data.vocabulary = mergeVocabulary(data.vocabulary ?? {}, v.value);
      }
    } else if (source.kind === 'terms') {
      const v = validateYaml(TermCatalogFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else {
        (v.value.conditions ?? []).forEach((c, i) => claim('condition', c.id, shown, ['conditions', i, 'id']));
        (v.value.findings ?? []).forEach((f, i) => claim('finding', f.id, shown, ['findings', i, 'id']));
        data.conditions.push(...(v.value.conditions ?? []));
        data.findings.push(...(v.value.findings ?? []));
      }
    } else if (source.kind === 'reasons') {
      // Reason codes and reviewer phrases (src/rationale/): checked here, read by their own loader.
      diagnostics.push(...validateReasonFile(y));
    } else if (source.kind === 'presumptions') {
      const v = validateYaml(PresumptionsFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else v.value.presumptions.forEach((p, i) => content.presumptions.push({ presumption: p, file: shown, path: ['presumptions', i] }));
    } else if (source.kind === 'formulary') {
      continue;
    } else if (source.kind === 'documents') {
      const v = validateYaml(DocumentRegistryFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else documents = v.value.documents.map((d, index) => ({ ...d, file: shown, index }));
    } else if (source.kind === 'shared') {
      const v = validateYaml(SharedCriteriaFile, y);
      if (!v.ok) {
        diagnostics.push(...v.diagnostics);
        const entries = (y.value as { shared?: unknown } | undefined)?.shared;
        if (Array.isArray(entries)) entries.forEach((e, i) => loose.push(...looseLeavesOf((e as { criterion?: unknown } | null)?.criterion, shown, ['shared', i, 'criterion'])));
      } else v.value.shared.forEach((s, i) => content.shared.push({ id: s.id, everyRule: s.every_rule === true, node: s.criterion, file: shown, path: ['shared', i, 'criterion'] }));
    } else {
      const v = validateYaml(Rule, y);
      if (!v.ok) {
        diagnostics.push(...v.diagnostics);
        loose.push(...looseLeavesOf((y.value as { criteria?: unknown } | undefined)?.criteria, shown, ['criteria']));
      } else content.rules.push({ rule: v.value, file: shown });
    }
  }
  // The vocabulary names treatments and classes: each must be in the catalog.
  const known = new Set([...data.treatments.map((t) => t.id), ...data.classes.map((c) => c.id)]);
  for (const { file, value } of vocabularyFiles) {
    for (const ref of vocabularyReferences(value)) {
      if (!known.has(ref.id)) diagnostics.push({ file, ...positionOf(files.get(file)!, ref.path), code: 'unknown-treatment', message: `'${ref.id}' is not a catalog treatment or class` });
    }
  }
  for (const { file, index, entry } of treatmentOrigins) {
    const refs = [
      ...(entry.ingredients ?? []).map((id, k) => ({ id, path: ['treatments', index, 'ingredients', k] })),
      ...(entry.combinations ?? []).flatMap((c, j) => c.with.map((id, k) => ({ id, path: ['treatments', index, 'combinations', j, 'with', k] }))),
    ];
    for (const ref of refs) {
      if (!known.has(ref.id)) diagnostics.push({ file, ...positionOf(files.get(file)!, ref.path), code: 'unknown-treatment', message: `'${ref.id}' is not a catalog treatment or class` });
    }
  }
  if (documents) content.documents = documents;
  return { content, files, diagnostics, loose };
}

function touchesAny(rule: CompiledRule, files: ReadonlySet<string>): boolean {
  let hit = files.has(rule.file);
  walk(rule.tree, (node) => (hit ||= files.has(node.origin.file)));
  return hit;
}

/** Builds the ruleset from valid content: catalog, compiled rules, semantic checks, index. */
function assemble(dir: string, revision: string, content: SnapshotContent, files: () => Map<string, YamlFile>, loose: readonly LooseLeaf[] = []): LoadedRuleset {
  const diagnostics: Diagnostic[] = [];
  const catalog = new Catalog(content.data);
  const shared = new Map(content.shared.map((s) => [s.id, s]));
  let parsed: Map<string, YamlFile> | undefined;
  const lazyFiles = () => (parsed ??= files());
  const compiled: CompiledRule[] = [];
  for (const { rule, file } of content.rules) {
    try {
      compiled.push(compileRule(rule, file, shared));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      diagnostics.push({ file: e.origin.file, ...positionOf(lazyFiles().get(e.origin.file)!, e.origin.path), code: e.code, message: e.message });
    }
  }
  diagnostics.push(...checkRuleSemantics(compiled, shared, catalog, lazyFiles, loose));
  diagnostics.push(...checkPresumptions(content.presumptions, lazyFiles));
  const presumptions = new Map(content.presumptions.map((p) => [p.presumption.id, p.presumption]));
  const documents = content.documents ? new DocumentRegistry(content.documents) : bundledDocuments();
  // Only sound rules are ever selected: a rule with an error (say an unknown operator, in its own
  // file or in a shared criterion it uses) is reported, never evaluated.
  const faulty = new Set(diagnostics.filter((d) => d.severity !== 'warning').map((d) => d.file));
  const sound = faulty.size === 0 ? compiled : compiled.filter((c) => !touchesAny(c, faulty));
  const ruleset = { dir, catalog, rules: compiled, shared, presumptions, index: new RuleIndex(sound, catalog), revision, documents } as Omit<Ruleset, 'files'>;
  // Positions are only needed to report problems and coverage: parse the YAML then, once.
  Object.defineProperty(ruleset, 'files', { get: lazyFiles, enumerable: true });
  return { ruleset: ruleset as Ruleset, diagnostics };
}
