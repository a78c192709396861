/**
 * A case from free text: request lines and a clinical note (a progress report, a UR letter, any
 * clinical text that is not an IMR determination). The whole note is the clinical summary: its
 * sentences go through the importer's own extraction unchanged, so every fact keeps the sentence
 * it was read from. Evidence offsets point into `text`: the normalised note, then the request lines.
 */
import type { Catalog } from '../catalog/catalog.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { assembleCase } from '../import/case/assemble.js';
import { extractionContext, type RequestLine } from '../import/extract/context.js';
import type { LetterItem } from '../import/letter/items.js';
import { parseDate } from '../import/nlp/dates.js';
import { Case } from '../model/case-schema.js';
import { noteText, type NoteSentence } from './note-sentences.js';

export interface NoteInput {
  /** one request line per item ("Norco 10/325 #90") */
  requests: string[];
  /** the note's text */
  note: string;
  /** overrides what the note says */
  injuryDate?: string;
  /** the date of the request; overrides what the note says */
  requestDate?: string;
  id?: string;
  /** where the note came from, for the case's `source` */
  source?: string;
  /** a record with no clinical text is still a case (every fact undocumented); a note file with none is an error */
  allowEmpty?: boolean;
}

export type NoteCase =
  | { ok: true; kase: Case; text: string; noteLength: number; notices: string[] }
  | { ok: false; error: string };

export function caseFromNote(input: NoteInput, catalog: Catalog): NoteCase {
  const requests = input.requests.map((r) => r.replace(/\s+/g, ' ').trim()).filter((r) => r !== '');
  if (requests.length === 0) return { ok: false, error: 'no request: give the treatment requested, e.g. "Norco 10/325 #90"' };
  const { text: note, sentences } = noteText(input.note);
  if (note.trim() === '' && !input.allowEmpty) return { ok: false, error: 'the note has no text (a scanned PDF has none to read)' };

  // The document the evidence points into: the note, then each request on its own line.
  let text = note;
  const items: LetterItem[] = requests.map((request) => {
    text += '\n';
    const span = { start: text.length, end: text.length + request.length };
    text += request;
    return { request, outcome: 'upheld', opening: span, requestSpan: span, claimsGuideline: '', maximusGuideline: undefined, rationale: undefined };
  });
  const summary = { start: 0, end: note.length };
  const lines: RequestLine[] = items.map((it, i) => ({ text: it.request, ...it.requestSpan, item: i }));
  const ctx = extractionContext(catalog, sentences, lines);
  // What a note's plan section says is what the visit orders, as a letter's request sentences are.
  ctx.sentences.forEach((s, i) => {
    if (sentences[i]!.inPlan && s.role === 'clinical') s.role = 'request';
  });
  const id = input.id ?? 'note';
  const { kase, notices } = assembleCase(
    { file: input.source ?? id, letter: text, header: {}, headerSpan: { start: 0, end: 0 }, reviewer: undefined, summary, items },
    ctx, catalog, id,
  );
  // A note records no IMR decision: the outcome the letter importer reads is not there.
  for (const item of kase.items) delete item.actual;
  overrideDate(kase, 'injury', input.injuryDate);
  overrideDate(kase, 'request', input.requestDate);
  fieldDates(kase, sentences);

  const valid = Case.safeParse(kase);
  if (!valid.success) {
    const issue = valid.error.issues[0]!;
    return { ok: false, error: `the case read from the note does not validate at ${issue.path.join('.')}: ${issue.message}` };
  }
  const problems = checkCaseSemantics(valid.data, catalog);
  if (problems.length > 0) return { ok: false, error: `the case read from the note does not validate at ${problems[0]!.path.join('.')}: ${problems[0]!.message}` };
  return { ok: true, kase: valid.data, text, noteLength: note.length, notices: notices.filter((n) => !/MAXIMUS guideline/.test(n)) };
}

/**
 * A note's own date fields, where the extraction found no such date: the visit's date ("Date of
 * service:") is the date of the request it makes; "Date of injury:" is the injury date.
 */
const FIELDS: [key: 'request' | 'injury', label: RegExp][] = [
  ['request', /^(?:date of service|DOS|visit date|date of visit|date of (?:exam|examination|evaluation)|exam date|encounter date|date)\s*:\s*(\S+)/i],
  ['injury', /^(?:date of injury|DOI|injury date)\s*:\s*(\S+)/i],
];

function fieldDates(kase: Case, sentences: readonly NoteSentence[]): void {
  for (const [key, label] of FIELDS) {
    if (kase.dates?.[key] !== undefined) continue;
    for (const s of sentences) {
      const raw = label.exec(s.text)?.[1];
      const value = raw ? parseDate(raw.replace(/[.,;]$/, '')) : undefined;
      if (!value) continue;
      kase.dates = { ...kase.dates, [key]: value };
      kase.evidence = [...(kase.evidence ?? []), { path: `dates.${key}`, text: s.text, start: s.start, end: s.end }];
      break;
    }
  }
}

/** A date given by the user replaces the one read from the note, and that note sentence stops being its evidence. */
function overrideDate(kase: Case, key: 'injury' | 'request', value: string | undefined): void {
  if (value === undefined) return;
  kase.dates = { ...kase.dates, [key]: value };
  kase.evidence = kase.evidence?.filter((e) => e.path !== `dates.${key}`);
}
