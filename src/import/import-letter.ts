/**
 * Imports an IMR final determination letter (PDF or text) as a case: the library entry point used
 * by `mtus import` and by `mtus regress` for letters met on the command line.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { Case } from '../model/case-schema.js';
import { assembleCase } from './case/assemble.js';
import { extractionContext, type RequestLine } from './extract/context.js';
import { parseHeader } from './letter/header.js';
import { parseItems } from './letter/items.js';
import { parseReviewer } from './letter/reviewer.js';
import { findSections } from './letter/sections.js';
import { sentencesOf } from './nlp/sentences.js';
import { readLetterText } from './text/letter-text.js';
import { normalizeLetterText } from './text/normalize.js';

/** An imported letter, with the request lines that could not be read as a treatment. */
export type ImportOutcome = { ok: true; file: string; kase: Case; notices: string[]; unrecognised: string[] } | { ok: false; file: string; error: string };

export async function importLetterFile(path: string, catalog: Catalog): Promise<ImportOutcome> {
  let text: string;
  try {
    text = (await readLetterText(path)).text;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : `cannot be read (${err.message})`;
    return { ok: false, file: path, error: `${path}: ${why}` };
  }
  if (text.trim() === '') return { ok: false, file: path, error: `${path}: no text in the letter (a scanned PDF has none to read)` };
  return importLetterText(text, path, catalog);
}

export function importLetterText(text: string, file: string, catalog: Catalog): ImportOutcome {
  const letter = normalizeLetterText(text);
  const fail = (what: string): ImportOutcome => ({ ok: false, file, error: `${file}: not imported: ${what}` });
  const found = findSections(letter);
  if (!found.ok) return fail(`missing ${found.missing}`);
  const { sections } = found;
  const items = parseItems(letter, sections.issues);
  if (!items.ok) return fail(`missing ${items.missing}`);
  const header = parseHeader(letter, sections.header);
  const requests: RequestLine[] = items.items.map((it, i) => ({ text: it.request, ...it.requestSpan, item: i }));
  const ctx = extractionContext(catalog, sentencesOf(letter, sections.summary), requests);
  const id = header.case_number ?? basename(file, extname(file));
  const { kase, notices } = assembleCase(
    { file, letter, header, headerSpan: sections.header, reviewer: parseReviewer(letter, sections.reviewer), summary: sections.summary, items: items.items },
    ctx, catalog, id,
  );
  const valid = Case.safeParse(kase);
  if (!valid.success) {
    const issue = valid.error.issues[0]!;
    return fail(`the imported case does not validate at ${issue.path.join('.')}: ${issue.message}`);
  }
  const problems = checkCaseSemantics(valid.data, catalog);
  if (problems.length > 0) return fail(`the imported case does not validate at ${problems[0]!.path.join('.')}: ${problems[0]!.message}`);
  const unrecognised = valid.data.items.filter((i) => !i.treatment && !i.ingredients).map((i) => i.request);
  return { ok: true, file, kase: valid.data, notices, unrecognised };
}

/**
 * What makes two imports the same letter (its PDF and its text): the case number, else a hash
 * of the normalised letter text.
 */
export function letterIdentity(kase: Case, text: string): string {
  if (kase.case_number) return kase.case_number;
  return `sha256:${createHash('sha256').update(normalizeLetterText(text)).digest('hex').slice(0, 16)}`;
}
