/**
 * Finds the parts of an IMR final determination letter: the header (2016 letters on), the
 * reviewer paragraph, the CLINICAL CASE SUMMARY and the IMR ISSUES, DECISIONS AND RATIONALES.
 * Facts may come only from the summary body and the items' request lines.
 */
import type { Span } from './span.js';

export interface LetterSections {
  header: Span;
  reviewer: Span | undefined;
  /** the summary's own text, after "...including all medical records:" */
  summary: Span;
  /** the disputed items, after "...set forth below:" */
  issues: Span;
}

export type SectionsResult = { ok: true; sections: LetterSections } | { ok: false; missing: string };

const HOW = /^HOW THE IMR FINAL DETERMINATION WAS MADE$/m;
const SUMMARY = /^CLINICAL CASE SUMMARY$/m;
const ISSUES = /^IMR ISSUES, DECISIONS AND RATIONALES$/m;
const SUMMARY_PREAMBLE = /^\s*The expert reviewer developed the following clinical case summary based on a review of the\s+case file, including all medical records:\s*/;
const ISSUES_PREAMBLE = /^\s*The Final Determination was based on decisions for the disputed items\/services set forth below:\s*/;

export function findSections(text: string): SectionsResult {
  const summary = SUMMARY.exec(text);
  if (!summary) return { ok: false, missing: 'the CLINICAL CASE SUMMARY heading' };
  const issues = ISSUES.exec(text);
  if (!issues || issues.index < summary.index) return { ok: false, missing: 'the IMR ISSUES, DECISIONS AND RATIONALES heading after the summary' };
  const how = HOW.exec(text);
  const summaryStart = skip(text, summary.index + summary[0].length, issues.index, SUMMARY_PREAMBLE);
  const issuesStart = skip(text, issues.index + issues[0].length, text.length, ISSUES_PREAMBLE);
  if (summaryStart >= issues.index) return { ok: false, missing: 'the text of the clinical case summary' };
  return {
    ok: true,
    sections: {
      header: { start: 0, end: how?.index ?? summary.index },
      reviewer: how ? { start: how.index + how[0].length, end: summary.index } : undefined,
      summary: { start: summaryStart, end: trimEnd(text, issues.index) },
      issues: { start: issuesStart, end: text.length },
    },
  };
}

/** Moves `from` past a preamble that opens the section, if present. */
function skip(text: string, from: number, to: number, preamble: RegExp): number {
  const m = preamble.exec(text.slice(from, to));
  return m ? from + m[0].length : from + (/^\s*/.exec(text.slice(from, to))?.[0].length ?? 0);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
