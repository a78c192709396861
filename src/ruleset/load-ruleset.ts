/**
 * Loads a ruleset directory: the catalog (rules/catalog/), shared criteria (rules/shared/) and
 * one rule per file everywhere else. Every file is validated with positions kept; any problem
 * aborts the load with located diagnostics, so nothing is evaluated against a broken ruleset.
 */
import { createHash } from 'node:crypto';
import { basename, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog, type CatalogData } from '../catalog/catalog.js';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CompileError, compileRule, type SharedCriterion } from '../engine/compile-rule.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { TermCatalogFile, TreatmentCatalogFile } from '../model/catalog-schema.js';
import { Rule, SharedCriteriaFile } from '../model/rule-schema.js';
import { validateYaml } from '../yaml/validate.js';
import { positionOf, readYamlFile, type YamlFile } from '../yaml/yaml-document.js';
import { displayPath, isYaml, listFiles } from './files.js';
import { RuleIndex } from './rule-index.js';
import { checkRuleSemantics } from './rule-semantics.js';

export interface Ruleset {
  dir: string;
  catalog: Catalog;
  rules: CompiledRule[];
  shared: ReadonlyMap<string, SharedCriterion>;
  index: RuleIndex;
  /** short hash of every file in the ruleset: two runs with the same revision used the same rules */
  revision: string;
  /** parsed files by display path, for locating criteria in reports */
  files: ReadonlyMap<string, YamlFile>;
}

/** The rules bundled with the package. */
export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

type Kind = 'treatments' | 'terms' | 'shared' | 'rule';

function kindOf(dir: string, file: string): Kind {
  const rel = relative(dir, file).split(sep);
  if (rel[0] === 'catalog') return basename(file).startsWith('treatments') ? 'treatments' : 'terms';
  if (rel[0] === 'shared') return 'shared';
  return 'rule';
}

export interface LoadedRuleset {
  ruleset: Ruleset;
  diagnostics: Diagnostic[];
}

export function loadRuleset(dir: string = BUNDLED_RULES_DIR): Ruleset {
  const { ruleset, diagnostics } = loadRulesetCollecting(dir);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return ruleset;
}

/**
 * Loads everything it can and returns the problems beside the ruleset (lint reports them all).
 * `extraRules` are rule files outside the directory, judged as if they were part of it.
 */
export function loadRulesetCollecting(dir: string = BUNDLED_RULES_DIR, extraRules: readonly string[] = []): LoadedRuleset {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, YamlFile>();
  const hash = createHash('sha256');
  const data: CatalogData = { treatments: [], classes: [], conditions: [], findings: [] };
  const shared = new Map<string, SharedCriterion>();
  const rules: { rule: Rule; file: string }[] = [];
  const catalogIds = new Map<string, { file: string; path: (string | number)[] }>();
  const claim = (kind: string, id: string, file: string, path: (string | number)[]) => {
    const key = `${kind}:${id}`;
    const first = catalogIds.get(key);
    if (first) {
      const y = files.get(file)!;
      diagnostics.push({ file, ...positionOf(y, path), code: 'duplicate-catalog-id', message: `${kind} '${id}' is already defined in ${first.file}` });
    } else catalogIds.set(key, { file, path });
  };

  const extra = new Set(extraRules);
  for (const path of [...listFiles(dir, isYaml), ...extraRules]) {
    const shown = displayPath(path);
    const y = readYamlFile(path, shown);
    files.set(shown, y);
    hash.update(relative(dir, path)).update('\0').update(y.text).update('\0');
    const kind = extra.has(path) ? 'rule' : kindOf(dir, path);
    if (kind === 'treatments') {
      const v = validateYaml(TreatmentCatalogFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else {
        v.value.treatments.forEach((t, i) => claim('treatment', t.id, shown, ['treatments', i, 'id']));
        (v.value.classes ?? []).forEach((c, i) => claim('treatment', c.id, shown, ['classes', i, 'id']));
        data.treatments.push(...v.value.treatments);
        data.classes.push(...(v.value.classes ?? []));
      }
    } else if (kind === 'terms') {
      const v = validateYaml(TermCatalogFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else {
        (v.value.conditions ?? []).forEach((c, i) => claim('condition', c.id, shown, ['conditions', i, 'id']));
        (v.value.findings ?? []).forEach((f, i) => claim('finding', f.id, shown, ['findings', i, 'id']));
        data.conditions.push(...(v.value.conditions ?? []));
        data.findings.push(...(v.value.findings ?? []));
      }
    } else if (kind === 'shared') {
      const v = validateYaml(SharedCriteriaFile, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else
        v.value.shared.forEach((s, i) =>
          shared.set(s.id, { id: s.id, everyRule: s.every_rule === true, node: s.criterion, file: shown, path: ['shared', i, 'criterion'] }),
        );
    } else {
      const v = validateYaml(Rule, y);
      if (!v.ok) diagnostics.push(...v.diagnostics);
      else rules.push({ rule: v.value, file: shown });
    }
  }

  const catalog = new Catalog(data);
  const compiled: CompiledRule[] = [];
  for (const { rule, file } of rules) {
    try {
      compiled.push(compileRule(rule, file, shared));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      const y = files.get(e.origin.file)!;
      diagnostics.push({ file: e.origin.file, ...positionOf(y, e.origin.path), code: e.code, message: e.message });
    }
  }
  diagnostics.push(...checkRuleSemantics(compiled, shared, catalog, files));
  diagnostics.sort(compareDiagnostics);
  const ruleset: Ruleset = {
    dir,
    catalog,
    rules: compiled,
    shared,
    index: new RuleIndex(compiled, catalog),
    revision: hash.digest('hex').slice(0, 12),
    files,
  };
  return { ruleset, diagnostics };
}
