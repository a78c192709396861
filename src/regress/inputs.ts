/**
 * Regression inputs: case files and directories (recursively), and JSON Lines files with one case
 * per line, streamed so a corpus of any size is read in constant memory. Reading yields cheap raw
 * records; parsing and validating a record is separate, so worker threads can share that work.
 */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Catalog } from '../catalog/catalog.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { parseCaseYaml } from '../cases/load-case.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Case } from '../model/case-schema.js';
import { displayPath, listFiles } from '../ruleset/files.js';
import { readYamlFile } from '../yaml/yaml-document.js';

/** A case to read: a YAML file, or one line of a JSON Lines file. */
export type InputRecord =
  | { kind: 'yaml'; path: string; shown: string }
  | { kind: 'jsonl'; shown: string; line: number; text: string };

export interface InputCase {
  /** the file, or file:line for a JSON Lines record */
  source: string;
  kase: Case;
}

export type ParsedRecord = { ok: true; input: InputCase } | { ok: false; problems: Diagnostic[] };

const isCaseFile = (f: string) => /\.(ya?ml|jsonl)$/.test(f);

/** Every input file under the given paths, in a stable order. */
export function inputFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? listFiles(p, isCaseFile) : [p]));
}

export async function* readRecords(files: readonly string[]): AsyncGenerator<InputRecord> {
  for (const path of files) {
    const shown = displayPath(path);
    if (!path.endsWith('.jsonl')) {
      yield { kind: 'yaml', path, shown };
      continue;
    }
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let line = 0;
    for await (const text of lines) {
      line++;
      if (text.trim() !== '') yield { kind: 'jsonl', shown, line, text };
    }
  }
}

export function parseRecord(record: InputRecord, catalog: Catalog): ParsedRecord {
  if (record.kind === 'yaml') {
    const r = parseCaseYaml(readYamlFile(record.path, record.shown), catalog);
    return r.ok ? { ok: true, input: { source: record.shown, kase: r.kase } } : { ok: false, problems: r.diagnostics };
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
  const parsed = Case.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return at('invalid-case', `${issue.path.join('.') || 'case'}: ${issue.message}`);
  }
  const semantic = checkCaseSemantics(parsed.data, catalog)[0];
  if (semantic) return at(semantic.code, `${semantic.path.join('.')}: ${semantic.message}`);
  return { ok: true, input: { source: `${record.shown}:${record.line}`, kase: parsed.data } };
}
