/**
 * Regression inputs: case files and directories (recursively), JSON Lines files with one case
 * per line, streamed so a corpus of any size is read in constant memory, and IMR letters (text or
 * PDF) imported on the fly. Reading yields cheap raw
 * records; parsing and validating a record is separate, so worker threads can share that work.
 */
import { basename } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { normaliseCase } from '../request/normalise-case.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { quickCase } from '../cases/case-shape.js';
import { parseCaseFile } from '../cases/read-case.js';
import { InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { nestsDeeperThan } from '../io/depth.js';
import type { Case } from '../model/case-schema.js';
import { listFiles } from '../ruleset/files.js';
import { MAX_DEPTH, readYamlFile } from '../yaml/yaml-document.js';
import { isLetterFile, unitRecords, workUnits } from './work-units.js';

/** A case to read: a YAML file, one line of a JSON Lines file, an IMR letter to import, or a problem met while reading. */
export type InputRecord =
  | { kind: 'yaml'; path: string; shown: string }
  | { kind: 'jsonl'; shown: string; line: number; text: string }
  | { kind: 'letter'; path: string; shown: string }
  | { kind: 'problem'; problem: Diagnostic };

export interface InputCase {
  /** the file, or file:line for a JSON Lines record */
  source: string;
  kase: Case;
  /**
   * What makes two inputs the same case: its case number, the letter it was drawn from, and for
   * letters a hash of their text. A case met twice (a letter's PDF and its text, or a curated
   * case and its letter) is counted once, the first time.
   */
  identities: string[];
  /** worth telling the user, though not wrong (a letter read as Windows-1252) */
  notices?: string[];
}

export type ParsedRecord = { ok: true; input: InputCase } | { ok: false; problems: Diagnostic[] };

const isCaseFile = (f: string) => /\.(ya?ml|jsonl)$/.test(f);
const isLetter = isLetterFile;

/**
 * Every input file under the given paths, in a stable order. A path that cannot be listed (missing,
 * a link loop) is a problem pushed to `problems`, and the other paths are still listed.
 */
export function inputFiles(paths: readonly string[], problems: Diagnostic[]): string[] {
  return paths.flatMap((p) => listFiles(p, (f) => isCaseFile(f) || isLetter(f), problems));
}

/** Every record of the input files, in order (JSON Lines files read a range of lines at a time). */
export async function* readRecords(files: readonly string[]): AsyncGenerator<InputRecord> {
  for (const unit of workUnits(files, 1 << 20)) yield* unitRecords(unit);
}

export async function parseRecord(record: InputRecord, catalog: Catalog): Promise<ParsedRecord> {
  if (record.kind === 'problem') return { ok: false, problems: [record.problem] };
  if (record.kind === 'letter') return importRecord(record.path, record.shown, catalog);
  if (record.kind === 'yaml') {
    let r;
    try {
      r = await parseCaseFile(readYamlFile(record.path, record.shown), catalog);
    } catch (e) {
      if (e instanceof InputError) return { ok: false, problems: e.diagnostics };
      throw e;
    }
    return r.ok ? { ok: true, input: caseInput(record.shown, r.kase) } : { ok: false, problems: r.diagnostics };
  }
  const at = (code: string, message: string): ParsedRecord => ({
    ok: false,
    problems: [{ file: record.shown, line: record.line, column: 1, code, message }],
  });
  let value: unknown;
  try {
    value = JSON.parse(record.text);
  } catch (e) {
    return at('json-syntax', `not a JSON value: ${(e as Error).message}`);
  }
  if (nestsDeeperThan(value, MAX_DEPTH)) return at('too-deep', `nested too deeply (more than ${MAX_DEPTH} levels)`);
  // The quick check answers for a valid case; zod names the problem of one that is not.
  let valid = quickCase(value);
  if (!valid) {
    const { Case } = await import('../model/case-schema.js');
    const parsed = Case.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return at('invalid-case', `${issue.path.join('.') || 'case'}: ${issue.message}`);
    }
    valid = parsed.data;
  }
  const semantic = checkCaseSemantics(valid, catalog)[0];
  if (semantic) return at(semantic.code, `${semantic.path.join('.')}: ${semantic.message}`);
  return { ok: true, input: caseInput(`${record.shown}:${record.line}`, normaliseCase(valid, catalog)) };
}

const stem = (file: string) => basename(file).replace(/\.[^.]+$/, '');

/** A case drawn from a letter is that letter; other cases are identified by their case number only. */
function caseInput(source: string, kase: Case): InputCase {
  const identities: string[] = [];
  if (kase.case_number) identities.push(kase.case_number);
  if (isLetter(kase.source)) identities.push(`letter:${stem(kase.source)}`);
  return { source, kase, identities };
}

/** A letter imported on the fly; what it lacks is a problem like any bad input. */
async function importRecord(path: string, shown: string, catalog: Catalog): Promise<ParsedRecord> {
  // The importer loads with the first letter: a run over case files never pays for it.
  const [{ importLetterText, letterIdentity }, { encodingNotice, readLetterText }] = await Promise.all([import('../import/import-letter.js'), import('../import/text/letter-text.js')]);
  let read;
  try {
    read = await readLetterText(path, shown);
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.diagnostics };
    throw e;
  }
  const imported = importLetterText(read.text, shown, catalog);
  if (!imported.ok) return { ok: false, problems: [{ file: shown, line: 0, column: 0, code: 'letter-not-imported', message: imported.error.replace(`${shown}: `, '') }] };
  const identities = [letterIdentity(imported.kase, read.text), `letter:${stem(path)}`];
  const notice = encodingNotice(read.encoding);
  return { ok: true, input: { source: shown, kase: imported.kase, identities, ...(notice ? { notices: [`${shown}: ${notice}`] } : {}) } };
}
