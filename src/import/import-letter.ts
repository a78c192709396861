/**
 * Imports an IMR final determination letter (PDF or text) as a case: the library entry point used
 * by `mtus import` and by `mtus regress` for letters met on the command line.
 */
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import { checkCaseDates } from '../cases/case-dates.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { quickCase } from '../cases/case-shape.js';
import { Case } from '../model/case-schema.js';
import { assembleCase } from './case/assemble.js';
import { extractionContext, type RequestLine } from './extract/context.js';
import { parseHeader } from './letter/header.js';
import { parseItems } from './letter/items.js';
import { parseReviewer } from './letter/reviewer.js';
import { findSections } from './letter/sections.js';
import { sentencesOf } from './nlp/sentences.js';
import { encodingNotice, readLetterText, type LetterText } from './text/letter-text.js';
import { formatDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { normalizeLetterText } from './text/normalize.js';

/** An imported letter, with the request lines that could not be read as a treatment. */
export type ImportOutcome =
  | { ok: true; file: string; kase: Case; notices: string[]; unrecognised: string[]; /** set when a text letter was not UTF-8 */ encoding?: string }
  | { ok: false; file: string; error: string };

export async function importLetterFile(path: string, catalog: Catalog): Promise<ImportOutcome> {
  let read: LetterText;
  try {
    read = await readLetterText(path);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { ok: false, file: path, error: e.diagnostics.map(formatDiagnostic).join('; ') };
  }
  if (read.text.trim() === '') return { ok: false, file: path, error: `${path}: no text in the letter (a scanned PDF has none to read)` };
  const outcome = importLetterText(read.text, path, catalog);
  const notice = encodingNotice(read.encoding);
  return outcome.ok && notice ? { ...outcome, notices: [notice, ...outcome.notices], encoding: read.encoding } : outcome;
}

export function importLetterText(text: string, file: string, catalog: Catalog): ImportOutcome {
  const letter = normalizeLetterText(text);
  const fail = (what: string): ImportOutcome => ({ ok: false, file, error: `${file}: not imported: ${what}` });
  const found = findSections(letter);
  if (!found.ok) return fail(`missing ${found.missing}`);
  const { sections } = found;
  const items = parseItems(letter, sections.issues);
  if (!items.ok) return fail(`missing ${items.missing}`);
  const parsedHeader = parseHeader(letter, sections.header);
  if (!parsedHeader.ok) return fail(parsedHeader.problem);
  const { header } = parsedHeader;
  const requests: RequestLine[] = items.items.map((it, i) => ({ text: it.request, ...it.requestSpan, item: i }));
  const ctx = extractionContext(catalog, sentencesOf(letter, sections.summary), requests);
  const id = header.case_number ?? basename(file, extname(file));
  const { kase, notices } = assembleCase(
    { file, letter, header, headerSpan: sections.header, reviewer: parseReviewer(letter, sections.reviewer), summary: sections.summary, items: items.items },
    ctx, catalog, id,
  );
  const dated = withPossibleDates(kase, notices, header.case_number !== undefined);
  if (typeof dated === 'string') return fail(dated);
  // The quick check generated at build time answers for a valid case; zod names a problem.
  const quick = quickCase(dated);
  const valid = quick ? { success: true as const, data: quick } : Case.safeParse(dated);
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
 * Dates read from the summary that cannot be right (a request before the injury, a visit in the
 * future) are extraction slips: left out, with a notice, rather than failing the letter. The
 * header's own dates are the record of the claim: an impossible one means a garbled header.
 */
function withPossibleDates(kase: Case, notices: string[], hasHeader: boolean): Case | string {
  const problems = checkCaseDates(kase);
  if (problems.length === 0) return kase;
  const fromHeader = hasHeader ? problems.find((p) => p.path[0] === 'dates' && HEADER_DATES.has(String(p.path[1]))) : undefined;
  if (fromHeader) return `the header's dates are impossible: ${fromHeader.message}`;
  const out: Case = structuredClone(kase);
  for (const p of problems) {
    // Every date but the header's was read from the summary: drop the one field that cannot be right.
    const parent = p.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], out) as Record<string, unknown> | undefined;
    const field = String(p.path[p.path.length - 1]);
    if (!parent || !(field in parent)) continue;
    delete parent[field];
    notices.push(`${p.message}: left out of the case`);
    out.evidence = out.evidence?.filter((e) => e.path !== p.path.join('.'));
  }
  if (out.dates && Object.keys(out.dates).length === 0) delete out.dates;
  return out;
}

const HEADER_DATES = new Set(['injury', 'assigned', 'decision', 'ur_denial']);

/**
 * What makes two imports the same letter (its PDF and its text): the case number, else a hash
 * of the normalised letter text.
 */
export function letterIdentity(kase: Case, text: string): string {
  if (kase.case_number) return kase.case_number;
  return `sha256:${createHash('sha256').update(normalizeLetterText(text)).digest('hex').slice(0, 16)}`;
}
