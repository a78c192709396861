/**
 * A rationale as clauses, each marked with whether its sentence applies the guideline to the case
 * or only restates the guideline. Reviewers quote the guideline first ("ODG recommends an MRI
 * after one month of conservative care") and then apply it ("there is no documentation of
 * conservative care"); only the second is the reviewer's reason. A long quotation is the
 * guideline's words wherever it sits; a sentence that says nothing either way continues the one
 * before it (a guideline paraphrase runs over several sentences).
 */
import { sentencesOf } from '../import/nlp/sentences.js';
import type { CompiledPhrases } from './phrases.js';

export interface RationaleSentence {
  text: string;
  /** restates a guideline and says nothing of this case */
  guideline: boolean;
}

export interface Clause {
  /** the sentence the clause belongs to */
  sentence: string;
  sentenceIndex: number;
  text: string;
  /** offset of the clause in its sentence */
  offset: number;
  guideline: boolean;
  /** supposes a lack ("if there is no improvement"): states no reason */
  hypothetical: boolean;
}

export function sentencesOfRationale(rationale: string, phrases: CompiledPhrases): RationaleSentence[] {
  const quotes = longQuotes(rationale, phrases.longQuote);
  const out: RationaleSentence[] = [];
  let previousGuideline = false;
  for (const s of sentencesOf(rationale, { start: 0, end: rationale.length })) {
    let own = '';
    let from = s.start;
    for (const q of quotes.filter((q) => q.end > s.start && q.start < s.end)) {
      own += rationale.slice(from, Math.max(from, q.start));
      const quoted = rationale.slice(Math.max(q.start, s.start), Math.min(q.end, s.end)).replace(/\s+/g, ' ').trim();
      if (/[a-z]/i.test(quoted)) out.push({ text: quoted, guideline: true });
      from = Math.min(q.end, s.end);
    }
    own = (own + rationale.slice(from, s.end)).replace(/\s+/g, ' ').trim();
    if (!/[a-z]{2}/i.test(own)) continue;
    const said = own.replace(phrases.preamble, '');
    const guideline: boolean = phrases.caseWords.test(said) ? false : phrases.guidelineWords.test(said) ? true : previousGuideline;
    out.push({ text: own, guideline });
    previousGuideline = guideline;
  }
  return out;
}

/** Quoted stretches ("..." or “...”) at least `min` characters long. */
function longQuotes(text: string, min: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/"[^"]*"|“[^”]*”/g)) if (m[0].length - 2 >= min) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function clausesOf(sentences: readonly RationaleSentence[], phrases: CompiledPhrases): Clause[] {
  const out: Clause[] = [];
  sentences.forEach((s, sentenceIndex) => {
    const push = (from: number, to: number) => {
      const text = s.text.slice(from, to);
      if (text.trim() === '') return;
      out.push({ sentence: s.text, sentenceIndex, text, offset: from, guideline: s.guideline, hypothetical: phrases.hypothetical.test(text) });
    };
    let from = 0;
    for (const m of s.text.matchAll(phrases.clauseBreaks)) {
      push(from, m.index);
      from = m.index + m[0].length;
    }
    push(from, s.text.length);
  });
  return out;
}
