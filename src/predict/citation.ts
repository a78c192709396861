/** Guideline citations in the one form every report uses. */
import type { Source } from '../model/rule-schema.js';

export function formatCitation(s: Source): string {
  const pages = s.pages ? `, ${/[-,–]/.test(s.pages) ? 'pp.' : 'p.'} ${s.pages}` : '';
  return `${s.document} (${s.edition}), ${s.section}${pages}`;
}
