/**
 * The disputed items of the IMR ISSUES section, each with its outcome, the two guideline
 * paragraphs and the rationale. An item opens with its request line, which ends in the outcome
 * ("...: Upheld", the word possibly alone on the next line), and is followed by "Claims
 * Administrator guideline:", "MAXIMUS guideline:" and "Decision rationale:". After a partial UR
 * approval the opening states the original request, what UR authorized and the remaining portion.
 */
import type { Outcome } from '../../model/vocabulary.js';
import { flat, tidy, type Span } from './span.js';

export interface LetterItem {
  /** the item as the letter words the disputed (remaining) portion */
  request: string;
  outcome: Outcome;
  /** the opening lines (request and outcome) */
  opening: Span;
  /** where the request text itself stands, for evidence */
  requestSpan: Span;
  /** when UR approved part of the original request */
  original?: string;
  approved?: string;
  claimsGuideline: string;
  maximusGuideline: string | undefined;
  rationale: Span | undefined;
}

export type ItemsResult = { ok: true; items: LetterItem[] } | { ok: false; missing: string };

interface Line extends Span {
  text: string;
}

const CLAIMS = /^Claims Administrator guideline:/;
const MAXIMUS = /^MAXIMUS guideline:/;
const RATIONALE = /^Decision rationale:/;
const OUTCOME_AT_END = /(?<=^|[\s:])(Upheld|Overturned)\.?\s*$/;

export function parseItems(letter: string, issues: Span): ItemsResult {
  const lines = linesOf(letter, issues);
  const anchors = lines.flatMap((l, i) => (CLAIMS.test(l.text) ? [i] : []));
  if (anchors.length === 0) return { ok: false, missing: 'a disputed item ("Claims Administrator guideline:" line) in IMR ISSUES, DECISIONS AND RATIONALES' };
  const openings = anchors.map((a, k) => openingLines(lines, a, k === 0 ? 0 : anchors[k - 1]! + 1));
  const items: LetterItem[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const [from, to] = openings[k]!;
    const opening: Span = { start: lines[from]!.start, end: lines[to - 1]!.end };
    const blockEnd = k + 1 < anchors.length ? lines[openings[k + 1]![0] - 1]!.end : issues.end;
    const parsed = parseOpening(letter, opening);
    if (!parsed) return { ok: false, missing: `the outcome (Upheld or Overturned) of item ${k + 1} ("${tidy(flat(letter, opening)).slice(0, 60)}")` };
    const body = lines.filter((l) => l.start >= lines[anchors[k]!]!.start && l.end <= blockEnd);
    items.push({ ...parsed, opening, ...paragraphs(letter, body) });
  }
  return { ok: true, items };
}

function linesOf(letter: string, span: Span): Line[] {
  const out: Line[] = [];
  let at = span.start;
  for (const text of letter.slice(span.start, span.end).split('\n')) {
    out.push({ text, start: at, end: at + text.length });
    at += text.length + 1;
  }
  return out.filter((l) => l.text.trim() !== '');
}

/**
 * The lines [from, to) that open the item whose "Claims Administrator guideline:" is at `anchor`:
 * back from the outcome line until the previous line ends a sentence (the last rationale) or is
 * the section's lead-in, keeping a partial-approval opening whole.
 */
function openingLines(lines: Line[], anchor: number, floor: number): [number, number] {
  let from = anchor - 1;
  while (from > floor && !endsSentence(lines[from - 1]!.text)) from--;
  // "X was the original request. Y was authorized ... The remaining ... portion ..., Z is: Upheld"
  // may wrap right after a full stop; pull in the rest of that opening.
  while (from > floor && isPartialOpening(lines.slice(from, anchor)) && !startsPartialOpening(lines.slice(from, anchor))) {
    if (RATIONALE.test(lines[from - 1]!.text) || MAXIMUS.test(lines[from - 1]!.text)) break;
    from--;
  }
  return [Math.max(from, floor), anchor];
}

function endsSentence(line: string): boolean {
  return /[.!?"')\]]$/.test(line.trim()) || /below:$/.test(line.trim());
}

const PARTIAL = /IMR\s+eligible/;
function isPartialOpening(lines: Line[]): boolean {
  return PARTIAL.test(lines.map((l) => l.text).join(' '));
}
function startsPartialOpening(lines: Line[]): boolean {
  const text = lines.map((l) => l.text).join(' ');
  const first = text.search(/ was the original request\.| was authorized by the Claims\s+Administrator\.|The Claims Administrator authorized/);
  if (first < 0) return false;
  // The opening starts where the first of its sentences starts: nothing before it but that sentence.
  return !/[.!?]\s/.test(text.slice(0, Math.max(0, first)));
}

type ParsedOpening = Pick<LetterItem, 'request' | 'outcome' | 'requestSpan' | 'original' | 'approved'>;

// Flattened letter text has single spaces (normalisation collapsed them), so offsets into it hold.
const REMAINING = /^(?:(?<original>.+?) was the original request\. )?(?<approved>.+?) was authorized by the Claims Administrator\. The remaining IMR eligible portion of the original request,? (?:is )?(?<item>.+)$/d;
const WHOLE = /^(?<original>.+?) was the original request\. The Claims Administrator authorized (?<approved>.+?),? leaving the original request IMR eligible\. The original request,? (?<item>.+)$/d;

function parseOpening(letter: string, opening: Span): ParsedOpening | undefined {
  const text = flat(letter, opening);
  const outcome = OUTCOME_AT_END.exec(text);
  if (!outcome) return undefined;
  const body = text.slice(0, outcome.index).replace(/(?: is)?:?\s*$/, '');
  const m = REMAINING.exec(body) ?? WHOLE.exec(body);
  const [from, to] = m?.indices?.groups?.item ?? [0, body.length];
  const request = body.slice(from, to).replace(/\.$/, '');
  return {
    request,
    outcome: outcome[1]!.toLowerCase() as Outcome,
    requestSpan: { start: opening.start + from, end: opening.start + from + request.length },
    ...(m?.groups?.original ? { original: m.groups.original } : {}),
    ...(m?.groups?.approved ? { approved: m.groups.approved } : {}),
  };
}

function paragraphs(letter: string, body: Line[]): Pick<LetterItem, 'claimsGuideline' | 'maximusGuideline' | 'rationale'> {
  const at = (re: RegExp) => body.findIndex((l) => re.test(l.text));
  const m = at(MAXIMUS);
  const r = at(RATIONALE);
  const textOf = (from: number, to: number, label: RegExp) =>
    tidy(flat(letter, { start: body[from]!.start, end: body[to - 1]!.end })).replace(label, '').trim();
  const claimsEnd = m >= 0 ? m : r >= 0 ? r : body.length;
  const rationale: Span | undefined = r >= 0
    ? { start: body[r]!.start + (/^Decision rationale:\s*/.exec(body[r]!.text)?.[0].length ?? 0), end: body.at(-1)!.end }
    : undefined;
  return {
    claimsGuideline: textOf(0, claimsEnd, CLAIMS),
    maximusGuideline: m >= 0 ? textOf(m, r > m ? r : body.length, MAXIMUS) : undefined,
    rationale,
  };
}
