/**
 * Loads a ruleset directory: the catalog (rules/catalog/), shared criteria (rules/shared/) and
 * one rule per file everywhere else. Every file is validated with positions kept; any problem
 * aborts the load with located diagnostics, so nothing is evaluated against a broken ruleset.
 * A ruleset already validated, unchanged since, is read back from its snapshot instead
 * (open-ruleset.ts, which imports this module only when it must).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { RequestVocabularyFile, TermCatalogFile, TreatmentCatalogFile, type TreatmentEntry } from '../model/catalog-schema.js';
import { mergeVocabulary, vocabularyReferences } from '../request/vocabulary-file.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { readInputText } from '../io/read-input.js';
import { PresumptionsFile } from '../model/presumption-schema.js';
import { checkPresumptions } from '../presumptions/check-presumptions.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import type { DocumentEntry } from '../eras/registry.js';
import { BUNDLED_DOCUMENTS_FILE, bundledDocuments } from '../eras/bundled-documents.js';
import { validateYaml } from '../yaml/validate.js';
import { REASONS_DIR, validateReasonFile } from '../rationale/reason-data.js';
import { parseYaml, positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { rulesetFromSnapshot } from './open-ruleset.js';
import { BUNDLED_RULES_DIR, assembleRuleset, contentName, shownPath, type LoadedRuleset, type Ruleset, type RulesetContent } from './ruleset.js';
import { stampOf, writeSnapshot, type SourceStamp } from './snapshot.js';
import { displayPath, isYaml, listFiles } from './files.js';
import { RuleIndex } from './rule-index.js';
import { checkRuleSemantics, looseLeavesOf, walk, type LooseLeaf } from './rule-semantics.js';
import type { CompiledRule } from '../engine/compiled-rule.js';

export { BUNDLED_RULES_DIR, type LoadedRuleset, type Ruleset } from './ruleset.js';

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

interface Source {
  path: string;
  /** the name content records: relative to the ruleset directory */
  name: string;
  shown: string;
  kind: Kind;
  text: string;
}

interface Sources {
  sources: Source[];
  revision: string;
  /** files that could not be listed or read */
  problems: Diagnostic[];
  /** what proves a snapshot of these files fresh, and when it was taken */
  stamps: SourceStamp[];
  stamped: number;
}

/**
 * Every file of the ruleset, read once, with the revision hash over them. A file that cannot be
 * listed or read (a link loop, not UTF-8, too large) is a problem; the others are still read.
 */
function readSources(dir: string, extraRules: readonly string[]): Sources {
  const problems: Diagnostic[] = [];
  const listed = listFiles(dir, isYaml, problems);
  // A rule file that is already part of the ruleset is that member, not a second copy of it.
  const members = new Set(listed.map((f) => resolve(f)));
  const outside = extraRules.filter((f) => !members.has(resolve(f)));
  const extra = new Set(outside);
  const hash = createHash('sha256');
  const stamped = Date.now();
  const stamps: SourceStamp[] = [];
  const sources: Source[] = [];
  for (const path of [...listed, ...outside]) {
    const shown = displayPath(path);
    let text: string;
    let st;
    try {
      // Stat before reading: a file changed in between then looks changed next time, never fresh.
      st = statSync(path);
      text = readInputText(path, shown);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.diagnostics);
      continue;
    }
    hash.update(relative(dir, path)).update('\0').update(text).update('\0');
    const name = contentName(dir, path);
    stamps.push(stampOf(name, st, text));
    sources.push({ path, name, shown, kind: extra.has(path) ? 'rule' : kindOf(dir, path), text });
  }
  return { sources, revision: hash.digest('hex').slice(0, 12), problems, stamps, stamped };
}

/**
 * Loads a ruleset for evaluation; any problem throws InputError with located diagnostics.
 * An unchanged ruleset is read from its snapshot, skipping YAML parsing and validation.
 */
export function loadRuleset(dir: string = BUNDLED_RULES_DIR): Ruleset {
  return rulesetFromSnapshot(dir) ?? loadRulesetFromFiles(dir);
}

/** Loads and checks every file, and snapshots the ruleset when it is sound. */
export function loadRulesetFromFiles(dir: string = BUNDLED_RULES_DIR): Ruleset {
  const read = readSources(dir, []);
  if (read.problems.length > 0) throw new InputError(read.problems.sort(compareDiagnostics));
  const { ruleset, diagnostics } = build(dir, read);
  // The bundled registry stands in for a missing documents.yaml: its changes make the snapshot stale too.
  if (ruleset.content.documents.bundled) read.stamps.push(stampOf(BUNDLED_DOCUMENTS_FILE, statSync(BUNDLED_DOCUMENTS_FILE), readFileSync(BUNDLED_DOCUMENTS_FILE)));
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  writeSnapshot(dir, read.revision, read.stamps, read.stamped, ruleset.content);
  return ruleset;
}

/**
 * Loads everything it can and returns the problems beside the ruleset (lint reports them all).
 * `extraRules` are rule files outside the directory, judged as if they were part of it.
 */
export function loadRulesetCollecting(dir: string = BUNDLED_RULES_DIR, extraRules: readonly string[] = []): LoadedRuleset {
  return build(dir, readSources(dir, extraRules));
}

/** Validates, builds and checks: schema problems, compile problems and semantic problems, sorted. */
function build(dir: string, { sources, revision, problems }: Sources): LoadedRuleset {
  const { content, files, diagnostics, loose } = validateSources(sources);
  const { ruleset, diagnostics: more } = assembleRuleset(dir, revision, content, () => files);
  const lazyFiles = () => ruleset.files;
  more.push(...checkRuleSemantics(ruleset.rules, ruleset.shared, ruleset.catalog, lazyFiles, loose.map((l) => ({ ...l, file: shownPath(dir, l.file) }))));
  more.push(...checkPresumptions(content.presumptions.map((p) => ({ ...p, file: shownPath(dir, p.file) })), lazyFiles));
  // Only sound rules are ever selected: a rule with an error (say an unknown operator, in its own
  // file or in a shared criterion it uses) is reported, never evaluated.
  const faulty = new Set(more.filter((d) => d.severity !== 'warning').map((d) => d.file));
  if (faulty.size > 0) ruleset.index = new RuleIndex(ruleset.rules.filter((c) => !touchesAny(c, faulty)), ruleset.catalog);
  return { ruleset, diagnostics: [...problems, ...diagnostics, ...more].sort(compareDiagnostics) };
}

function touchesAny(rule: CompiledRule, files: ReadonlySet<string>): boolean {
  let hit = files.has(rule.file);
  walk(rule.tree, (node) => (hit ||= files.has(node.origin.file)));
  return hit;
}

function parseFiles(sources: readonly Source[]): Map<string, YamlFile> {
  return new Map(sources.map((s) => [s.shown, parseYaml(s.shown, s.text)]));
}

/** Parses and validates every file with positions kept, gathering the valid content. */
function validateSources(sources: readonly Source[]): { content: RulesetContent; files: Map<string, YamlFile>; diagnostics: Diagnostic[]; loose: LooseLeaf[] } {
  const diagnostics: Diagnostic[] = [];
  const loose: LooseLeaf[] = [];
  const files = parseFiles(sources);
  const content: RulesetContent = { data: { treatments: [], classes: [], conditions: [], findings: [], vocabulary: {} }, shared: [], presumptions: [], rules: [], documents: { bundled: true, entries: [] } };
  let documents: DocumentEntry[] | undefined;
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
      else v.value.presumptions.forEach((p, i) => content.presumptions.push({ presumption: p, file: source.name, path: ['presumptions', i] }));
    } else if (source.kind === 'formulary') {
      continue;
    } else if (source.kind === 'documents') {
      const v = validateYaml(DocumentRegistryFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else documents = v.value.documents.map((d, index) => ({ ...d, file: source.name, index }));
    } else if (source.kind === 'shared') {
      const v = validateYaml(SharedCriteriaFile, y);
      if (!v.ok) {
        diagnostics.push(...v.diagnostics);
        const entries = (y.value as { shared?: unknown } | undefined)?.shared;
        if (Array.isArray(entries)) entries.forEach((e, i) => loose.push(...looseLeavesOf((e as { criterion?: unknown } | null)?.criterion, source.name, ['shared', i, 'criterion'])));
      } else v.value.shared.forEach((s, i) => content.shared.push({ id: s.id, everyRule: s.every_rule === true, node: s.criterion, file: source.name, path: ['shared', i, 'criterion'] }));
    } else {
      const v = validateYaml(Rule, y);
      if (!v.ok) {
        diagnostics.push(...v.diagnostics);
        loose.push(...looseLeavesOf((y.value as { criteria?: unknown } | undefined)?.criteria, source.name, ['criteria']));
      } else content.rules.push({ rule: v.value, file: source.name });
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
  // A ruleset without its own documents.yaml is judged against the bundled registry.
  content.documents = documents ? { bundled: false, entries: documents } : { bundled: true, entries: [...bundledDocuments().documents] };
  return { content, files, diagnostics, loose };
}
