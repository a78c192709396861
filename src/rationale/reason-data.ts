/**
 * Reads rules/reasons/ (the reason-code vocabulary and the reviewer phrases), validated, once per
 * ruleset directory. A ruleset without a reasons/ directory uses the bundled one, so a small test
 * ruleset still maps its criteria. Bad data is a located error like any bad rule file.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileURLToPath } from 'node:url';
import { displayPath } from '../ruleset/files.js';
import { validateYaml } from '../yaml/validate.js';
import { positionOf, readYamlFile, type PathSegment, type YamlFile } from '../yaml/yaml-document.js';
import { compilePhrases, PhraseError, type CompiledPhrases } from './phrases.js';
import { RationalePhrasesFile, ReasonCodesFile } from './reason-schema.js';

/** The bundled rules (as in load-ruleset, which imports this module: no import back). */
const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export const REASONS_DIR = 'reasons';
export const REASON_CODES_FILE = 'reason-codes.yaml';
export const PHRASES_FILE = 'rationale-phrases.yaml';

export interface ReasonData {
  codes: ReasonCodesFile;
  phrases: CompiledPhrases;
  /** the codes in vocabulary order */
  known: ReadonlySet<string>;
}

const cache = new Map<string, ReasonData>();

/** The reasons directory a ruleset uses: its own, or the bundled one when it has none. */
export function reasonsDir(rulesDir: string): string {
  return existsSync(join(rulesDir, REASONS_DIR)) ? join(rulesDir, REASONS_DIR) : join(BUNDLED_RULES_DIR, REASONS_DIR);
}

/** The reason data of a ruleset directory (or the bundled data when it has none), read again when a file changes. */
export function reasonData(rulesDir: string = BUNDLED_RULES_DIR): ReasonData {
  const dir = reasonsDir(rulesDir);
  const stamp = [REASON_CODES_FILE, PHRASES_FILE].map((f) => (existsSync(join(dir, f)) ? statSync(join(dir, f)).mtimeMs : 0)).join(':');
  const key = `${dir}|${stamp}`;
  let data = cache.get(key);
  if (!data) {
    data = loadReasonData(dir);
    cache.set(key, data);
  }
  return data;
}

function loadReasonData(dir: string): ReasonData {
  const read = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new InputError([{ file: displayPath(path), line: 1, column: 1, code: 'missing-reason-file', message: `the reasons directory needs ${name}` }]);
    return readYamlFile(path, displayPath(path));
  };
  const codesFile = read(REASON_CODES_FILE);
  const phrasesFile = read(PHRASES_FILE);
  const codeProblems = validateReasonFile(codesFile);
  if (codeProblems.length > 0) throw new InputError(codeProblems);
  const codes = ReasonCodesFile.parse(codesFile.value);
  const known = new Set(codes.codes.map((c) => c.id));
  const phraseProblems = validateReasonFile(phrasesFile, known);
  if (phraseProblems.length > 0) throw new InputError(phraseProblems);
  return { codes, known, phrases: compilePhrases(RationalePhrasesFile.parse(phrasesFile.value)) };
}

/**
 * Located problems of a file in rules/reasons/ (the ruleset loader and lint call this): the
 * schema, and for the phrases, expressions that do not compile or codes outside the vocabulary.
 */
export function validateReasonFile(y: YamlFile, vocabulary?: ReadonlySet<string>): Diagnostic[] {
  if (y.file.endsWith(REASON_CODES_FILE)) {
    const v = validateYaml(ReasonCodesFile, y);
    return v.ok ? [] : v.diagnostics;
  }
  if (y.file.endsWith(PHRASES_FILE)) {
    const v = validateYaml(RationalePhrasesFile, y);
    if (!v.ok) return v.diagnostics;
    return phraseProblems(v.value, y, vocabulary);
  }
  return [{ file: y.file, line: 1, column: 1, code: 'unknown-reason-file', message: `rules/${REASONS_DIR}/ holds ${REASON_CODES_FILE} and ${PHRASES_FILE} only` }];
}

function phraseProblems(file: RationalePhrasesFile, y: YamlFile, vocabulary: ReadonlySet<string> | undefined): Diagnostic[] {
  const at = (path: PathSegment[], code: string, message: string, key = false): Diagnostic => ({ file: y.file, ...positionOf(y, path, { key }), code, message });
  try {
    compilePhrases(file);
  } catch (e) {
    if (!(e instanceof PhraseError)) throw e;
    return e.problems.map((p) => at(p.path, 'invalid-phrase', p.message));
  }
  if (!vocabulary) return [];
  const unknown = (group: 'codes' | 'anywhere') => Object.keys(file[group] ?? {}).filter((c) => !vocabulary.has(c)).map((c) => at([group, c], 'unknown-reason-code', `'${c}' is not a reason code in ${REASON_CODES_FILE}`, true));
  return [...unknown('codes'), ...unknown('anywhere')];
}
