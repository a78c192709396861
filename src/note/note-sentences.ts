/**
 * Sentences of a clinical note. A letter's lines wrap mid-sentence, so the importer reads line
 * breaks as spaces; a note is typed in fields, headings and lists, so here a sentence also ends
 * where a paragraph ends, where a heading or a "Label: value" line ends, and before a list item or
 * a new label. Within those blocks the importer's own splitter finds the sentences. The sections a
 * note puts its orders in (Plan, Recommendations, Requests) are the request part of the note.
 */
import type { Span } from '../import/letter/span.js';
import { sentencesOf, type Sentence } from '../import/nlp/sentences.js';
import { normalizeLetterText } from '../import/text/normalize.js';

export interface NoteText {
  /** the normalised note (as `normalizeLetterText` makes it): evidence offsets point into it */
  text: string;
  sentences: NoteSentence[];
}

export interface NoteSentence extends Sentence {
  /** the sentence stands in a plan or request section of the note */
  inPlan: boolean;
}

/** "Plan:", "SUBJECTIVE:", "Date of injury:", "1)", "- " */
const LABEL = /^(?:[A-Z][A-Za-z0-9 /()'&.-]{0,40}:|\d{1,2}[.)]\s|[-*•]\s)/;
const PLAN_HEADING = /^(?:(?:treatment )?plans?|recommendations?|requests?|orders?|disposition|plan of care|treatment recommendations?)\s*:/i;
const OTHER_HEADING = /^[A-Z][A-Za-z /()'&-]{0,40}:/;

export function noteText(raw: string): NoteText {
  // Paragraphs first: normalisation drops blank lines, and a blank line ends a sentence.
  const paragraphs = raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').split(/\n[ \t]*\n/).map(normalizeLetterText).filter((p) => p !== '');
  const text = paragraphs.join('\n');
  const blocks: Span[] = [];
  let at = 0;
  for (const p of paragraphs) {
    blocks.push(...blocksOf(p, at));
    at += p.length + 1;
  }
  let inPlan = false;
  const sentences: NoteSentence[] = [];
  for (const block of blocks) {
    const head = text.slice(block.start, block.end);
    if (PLAN_HEADING.test(head)) inPlan = true;
    else if (OTHER_HEADING.test(head) && !/^\d/.test(head)) inPlan = false;
    // A list marker ("1.", "-") is not part of the item's sentence (the splitter would make it one).
    const marker = /^(?:\d{1,2}[.)]|[-*•])\s+/.exec(head)?.[0].length ?? 0;
    for (const s of sentencesOf(text, { start: block.start + marker, end: block.end })) sentences.push({ ...s, inPlan });
  }
  return { text, sentences };
}

/** The paragraph's lines grouped into blocks no sentence crosses. */
function blocksOf(paragraph: string, offset: number): Span[] {
  const lines: Span[] = [];
  let at = 0;
  for (const line of paragraph.split('\n')) {
    lines.push({ start: offset + at, end: offset + at + line.length });
    at += line.length + 1;
  }
  const text = (l: Span) => paragraph.slice(l.start - offset, l.end - offset);
  const blocks: Span[] = [];
  let start = lines[0]!.start;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next && !endsBlock(text(line), text(next))) return;
    blocks.push({ start, end: line.end });
    if (next) start = next.start;
  });
  return blocks;
}

function endsBlock(line: string, next: string): boolean {
  if (LABEL.test(next)) return true;
  // A heading (no lower-case letter) or a short "Label: value" field stands alone.
  if (!/[a-z]/.test(line)) return true;
  return /^[A-Z][A-Za-z0-9 /()'&.-]{0,40}:/.test(line) && line.split(/\s+/).length <= 8 && !/[,;]$/.test(line);
}
