/** The expert reviewer's licensure and specialty, from "HOW THE IMR FINAL DETERMINATION WAS MADE". */
import { flat, tidy, type Span } from './span.js';

export interface Reviewer {
  specialty?: string;
  licensure?: string[];
}

export function parseReviewer(text: string, span: Span | undefined): Reviewer | undefined {
  if (!span) return undefined;
  const para = tidy(flat(text, span));
  const out: Reviewer = {};
  // 2016-on letters: "State(s) of Licensure: California,North Carolina" / "Certification(s)/Specialty: ..."
  const states = /State\(s\) of Licensure:\s*(.+?)\s*(?:Certification\(s\)\/Specialty:|$)/.exec(para)?.[1];
  const specialty = /Certification\(s\)\/Specialty:\s*(.+)$/.exec(para)?.[1];
  if (states) out.licensure = states.split(/\s*,\s*/).filter(Boolean);
  if (specialty) out.specialty = specialty.trim();
  // Earlier letters: "is Board Certified in X, has a subspecialty in Y and is licensed to practice in Z."
  if (!out.specialty) {
    const board = /Board Certified in (.+?)(?:, has a subspecialty in (.+?))? and is licensed/.exec(para);
    if (board) out.specialty = [board[1], board[2]].filter(Boolean).join(', ');
  }
  if (!out.licensure) {
    const licensed = /licensed to practice in ([A-Z][A-Za-z ,]+?)\./.exec(para)?.[1];
    if (licensed) out.licensure = licensed.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
  }
  return out.specialty || out.licensure ? out : undefined;
}
