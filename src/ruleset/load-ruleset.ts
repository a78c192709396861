/**
 * Loads a ruleset directory: the catalog (rules/catalog/), shared criteria (rules/shared/) and
 * one rule per file everywhere else. Every file is validated with positions kept; any problem
 * aborts the load with located diagnostics, so nothing is evaluated against a broken ruleset.
 * A ruleset already validated, unchanged since, is read back from its snapshot instead
 * (open-ruleset.ts, which imports this module only when it must).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { TermCatalogFile, TreatmentCatalogFile } from '../model/catalog-schema.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { PresumptionsFile } from '../model/presumption-schema.js';
import { checkPresumptions } from '../presumptions/check-presumptions.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import type { DocumentEntry } from '../eras/registry.js';
import { BUNDLED_DOCUMENTS_FILE, bundledDocuments } from '../eras/bundled-documents.js';
import { validateYaml } from '../yaml/validate.js';
import { parseYaml, positionOf, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { rulesetFromSnapshot } from './open-ruleset.js';
import { BUNDLED_RULES_DIR, assembleRuleset, contentName, shownPath, type LoadedRuleset, type Ruleset, type RulesetContent } from './ruleset.js';
import { stampOf, writeSnapshot, type SourceStamp } from './snapshot.js';
import { displayPath, isYaml, listFiles } from './files.js';
import { checkRuleSemantics } from './rule-semantics.js';

export { BUNDLED_RULES_DIR, type LoadedRuleset, type Ruleset } from './ruleset.js';

type Kind = 'treatments' | 'terms' | 'shared' | 'presumptions' | 'documents' | 'formulary' | 'rule';

/** The policy file: how the ruleset reads the records' silence. */
export const PRESUMPTIONS_FILE = 'presumptions.yaml';

function kindOf(dir: string, file: string): Kind {
  const rel = relative(dir, file).split(sep);
  if (rel.length === 1 && /^documents\.ya?ml$/.test(rel[0]!)) return 'documents';
  // The MTUS Drug Formulary's policies and drug list are data the formulary module reads.
  if (rel[0] === 'formulary') return 'formulary';
  if (rel[0] === 'catalog') return basename(file).startsWith('treatments') ? 'treatments' : 'terms';
  if (rel[0] === 'shared') return basename(file) === PRESUMPTIONS_FILE ? 'presumptions' : 'shared';
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
  /** what proves a snapshot of these files fresh, and when it was taken */
  stamps: SourceStamp[];
  stamped: number;
}

/** Every file of the ruleset, read once, with the revision hash over them. */
function readSources(dir: string, extraRules: readonly string[]): Sources {
  const extra = new Set(extraRules);
  const hash = createHash('sha256');
  const stamped = Date.now();
  const stamps: SourceStamp[] = [];
  const sources = [...listFiles(dir, isYaml), ...extraRules].map((path): Source => {
    // Stat before reading: a file changed in between then looks changed next time, never fresh.
    const st = statSync(path);
    const text = readFileSync(path, 'utf8');
    hash.update(relative(dir, path)).update('\0').update(text).update('\0');
    const name = contentName(dir, path);
    stamps.push(stampOf(name, st, text));
    return { path, name, shown: displayPath(path), kind: extra.has(path) ? 'rule' : kindOf(dir, path), text };
  });
  return { sources, revision: hash.digest('hex').slice(0, 12), stamps, stamped };
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
function build(dir: string, { sources, revision }: Sources): LoadedRuleset {
  const { content, files, diagnostics } = validateSources(sources);
  const { ruleset, diagnostics: more } = assembleRuleset(dir, revision, content, () => files);
  const lazyFiles = () => ruleset.files;
  more.push(...checkRuleSemantics(ruleset.rules, ruleset.shared, ruleset.catalog, lazyFiles));
  more.push(...checkPresumptions(content.presumptions.map((p) => ({ ...p, file: shownPath(dir, p.file) })), lazyFiles));
  return { ruleset, diagnostics: [...diagnostics, ...more].sort(compareDiagnostics) };
}

function parseFiles(sources: readonly Source[]): Map<string, YamlFile> {
  return new Map(sources.map((s) => [s.shown, parseYaml(s.shown, s.text)]));
}

/** Parses and validates every file with positions kept, gathering the valid content. */
function validateSources(sources: readonly Source[]): { content: RulesetContent; files: Map<string, YamlFile>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const files = parseFiles(sources);
  const content: RulesetContent = { data: { treatments: [], classes: [], conditions: [], findings: [] }, shared: [], presumptions: [], rules: [], documents: { bundled: true, entries: [] } };
  let documents: DocumentEntry[] | undefined;
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
        (v.value.classes ?? []).forEach((c, i) => claim('treatment', c.id, shown, ['classes', i, 'id']));
        data.treatments.push(...v.value.treatments);
        data.classes.push(...(v.value.classes ?? []));
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
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else v.value.shared.forEach((s, i) => content.shared.push({ id: s.id, everyRule: s.every_rule === true, node: s.criterion, file: source.name, path: ['shared', i, 'criterion'] }));
    } else {
      const v = validateYaml(Rule, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else content.rules.push({ rule: v.value, file: source.name });
    }
  }
  // A ruleset without its own documents.yaml is judged against the bundled registry.
  content.documents = documents ? { bundled: false, entries: documents } : { bundled: true, entries: [...bundledDocuments().documents] };
  return { content, files, diagnostics };
}
