/**
 * The rationale reader: the reason codes a reviewer's decision rationale gives, each with the
 * sentence that supports it, in the order the reviewer gives them. The first specific code is the
 * primary reason; the generic code (missing_documentation) is primary only when nothing more
 * specific is said. A rationale that concludes the request is medically necessary reads as
 * criteria_met. Labels only: nothing read here ever becomes a fact or changes a prediction.
 */
import type { Catalog } from '../catalog/catalog.js';
import { clausesOf, sentencesOfRationale, type Clause } from './clauses.js';
import { requestKinds } from './named-kinds.js';
import { notRecommendedAt } from './not-recommended.js';
import type { ReasonData } from './reason-data.js';

export interface ReasonLabel {
  code: string;
  /** the reviewer's sentence that gives the reason */
  sentence: string;
}

export interface RationaleReading {
  /** the reviewer's conclusion, when a sentence states one */
  necessary: boolean | undefined;
  /** distinct codes in the order the reviewer gives them */
  reasons: ReasonLabel[];
  primary: string | undefined;
}

export interface ReadOptions {
  data: ReasonData;
  /** the request as worded and the catalog, to tie "X is not recommended" to the request */
  request?: string;
  catalog?: Catalog;
}

const MET = 'criteria_met';

export function readRationale(rationale: string, opts: ReadOptions): RationaleReading {
  const { phrases } = opts.data;
  const sentences = sentencesOfRationale(rationale, phrases);
  const conclusion = [...sentences].reverse().find((s) => phrases.notNecessary.test(s.text) || phrases.necessary.test(s.text));
  const necessary = conclusion ? !phrases.notNecessary.test(conclusion.text) : undefined;
  if (necessary && opts.data.known.has(MET)) return { necessary, reasons: [{ code: MET, sentence: conclusion!.text }], primary: MET };

  // Where each reason is said: sentence, end of the phrase in it, then the tighter phrase first.
  const found: { code: string; sentence: string; at: [number, number, number, number] }[] = [];
  const clauses = clausesOf(sentences, phrases);
  const request = opts.request && opts.catalog ? { text: opts.request, kinds: requestKinds(opts.request, opts.catalog) } : undefined;
  clauses.forEach((clause) => {
    phrases.phrases.forEach((phrase, order) => {
      if ((clause.guideline && !phrase.anywhere) || clause.hypothetical) return;
      const m = matchAll(phrase.all, clause);
      if (m) found.push({ code: phrase.code, sentence: clause.sentence, at: [clause.sentenceIndex, clause.offset + m.end, m.length, order] });
    });
    if (request && opts.data.known.has(opts.data.codes.verdict)) {
      const at = notRecommendedAt(clause, request, phrases, opts.catalog!);
      if (at !== undefined) found.push({ code: opts.data.codes.verdict, sentence: clause.sentence, at: [clause.sentenceIndex, clause.offset + at, 0, -1] });
    }
  });
  found.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.at[2] - b.at[2] || a.at[3] - b.at[3]);
  const reasons: ReasonLabel[] = [];
  for (const f of found) if (!reasons.some((r) => r.code === f.code)) reasons.push({ code: f.code, sentence: f.sentence });
  const generic = opts.data.codes.generic;
  const primary = reasons.find((r) => r.code !== generic)?.code ?? reasons[0]?.code;
  return { necessary, reasons, primary };
}

/**
 * Where the phrase ends, and how long its last expression's match is, when every expression
 * matches the clause. The end, not the start: "no diagnosis of tissue insult, nerve impairment or
 * red flags" names the first reason first although both phrases start at "no".
 */
function matchAll(all: readonly RegExp[], clause: Clause): { end: number; length: number } | undefined {
  let last: RegExpExecArray | undefined;
  for (const r of all) {
    const m = r.exec(clause.text);
    if (!m) return undefined;
    last = m;
  }
  return last && { end: last.index + last[0].length, length: last[0].length };
}
