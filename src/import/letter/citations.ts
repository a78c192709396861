/**
 * The reviewer's cited guideline ("MAXIMUS guideline: Decision based on ...") as a structured
 * citation: document, edition, sections and pages. Letters cite in two styles:
 *   2014-15: "MTUS Chronic Pain Treatment Guidelines Topical Analgesics Page(s): 111-113"
 *   2016-17: "MTUS Chronic Pain Medical Treatment 2016, Section(s): Facet blocks", several MTUS
 *            documents joined by ", and ", then "Non-MTUS Citation Official Disability Guidelines
 *            (ODG) Low Back Chapter, ...".
 * The case format holds one citation per item: the first one the reviewer names, with `text`
 * keeping everything the reviewer cited.
 */
import type { GuidelineCitation } from '../../model/case-schema.js';

/** Start of the 2016 update of the Chronic Pain guidelines: an undated citation before it is the 2009 edition. */
const CPMTG_2016_FROM = '2016-07-29';

export function parseCitations(maximus: string, letterDate: string | undefined): GuidelineCitation[] {
  const clauses = maximus
    .split(/\s*Decision based on\s+/)
    .map((c) => c.trim().replace(/\.$/, ''))
    .filter((c) => c !== '' && !/^The Expert Reviewer (based|did not base) their decision/.test(c));
  const out: GuidelineCitation[] = [];
  for (const clause of clauses) {
    if (/^MTUS\b/.test(clause)) out.push(...mtusClause(clause.replace(/^MTUS\s+/, ''), letterDate));
    else if (/^Non-MTUS Citation\b/.test(clause)) out.push(nonMtus(clause));
    else if (!/did not cite any medical evidence/.test(clause)) out.push({ text: clause });
  }
  return out;
}

/** One citation for the item: the first document cited, with the whole citation as written. */
export function primaryCitation(maximus: string, letterDate: string | undefined): GuidelineCitation {
  const all = parseCitations(maximus, letterDate);
  const text = citedText(maximus);
  const first = all[0];
  return first ? { ...first, text } : { text };
}

/** The cited text without "Decision based on" and the reviewer's preamble. */
export function citedText(maximus: string): string {
  const parts = maximus
    .split(/\s*Decision based on\s+/)
    .map((c) => c.trim().replace(/\.$/, ''))
    .filter((c) => c !== '');
  const cited = parts.filter((c) => !/^The Expert Reviewer (based|did not base) their decision/.test(c));
  return (cited.length > 0 ? cited : parts).join('. ');
}

const DOCUMENTS: [RegExp, string][] = [
  [/^Chronic Pain (Medical )?Treatment( Guidelines)?/i, 'MTUS Chronic Pain Medical Treatment Guidelines'],
  [/^Opioid(s)? Treatment( Guidelines)?/i, 'MTUS Opioid Treatment Guidelines'],
  [/^Acupuncture (Medical )?Treatment( Guidelines)?/i, 'MTUS Acupuncture Medical Treatment Guidelines'],
  [/^Post-?surgical Treatment( Guidelines)?/i, 'MTUS Postsurgical Treatment Guidelines'],
];

/** "Low Back Complaints 2004, Section(s): Summary, and Chronic Pain Medical Treatment 2016, Section(s): Facet blocks" */
function mtusClause(clause: string, letterDate: string | undefined): GuidelineCitation[] {
  // ", and " separates documents only after a dated one: "Forearm, Wrist, and Hand Complaints 2004" is one.
  const docs: string[] = [];
  let rest = clause;
  for (;;) {
    const m = /, and (?=[A-Z][A-Za-z,& ]*? (?:19|20)\d{2}\b)/.exec(rest);
    let at = m ? m.index : -1;
    while (m && at >= 0 && !/\b(19|20)\d{2}\b/.test(rest.slice(0, at))) {
      const next = /, and (?=[A-Z][A-Za-z,& ]*? (?:19|20)\d{2}\b)/.exec(rest.slice(at + 1));
      at = next ? at + 1 + next.index : -1;
    }
    if (at < 0) break;
    docs.push(rest.slice(0, at));
    rest = rest.slice(at + ', and '.length);
  }
  docs.push(rest);
  return docs.map((doc) => mtusDocument(doc.trim(), letterDate));
}

function mtusDocument(doc: string, letterDate: string | undefined): GuidelineCitation {
  const text = `MTUS ${doc}`;
  // 2014-15 style: "<Document> Guidelines <Section> Page(s): 111-113"
  const paged = /^(.*?Guidelines)\s+(.+?)\s+Page\(s\):\s*([\d\s,-]+)$/.exec(doc);
  if (paged) {
    const { document, edition } = documentName(paged[1]!, letterDate);
    return { text, document, ...(edition ? { edition } : {}), sections: [titleCase(paged[2]!)], pages: paged[3]!.replace(/\s+/g, ''), mtus: true };
  }
  const m = /^(.*?)(?:\s+((?:19|20)\d{2}))?(?: Guidelines)?(?:,?\s*Section\(s\):\s*(.+))?$/.exec(doc)!;
  const { document, edition } = documentName(m[1]!, letterDate, m[2]);
  const sections = m[3] ? mtusSections(m[3]) : undefined;
  return { text, document, ...(edition ? { edition } : {}), ...(sections ? { sections } : {}), mtus: true };
}

function documentName(name: string, letterDate: string | undefined, year?: string): { document: string; edition?: string } {
  const trimmed = name.replace(/\s+Guidelines$/i, '').trim();
  const known = DOCUMENTS.find(([re]) => re.test(trimmed));
  if (known) {
    const edition = year ?? (known[1].includes('Chronic Pain') && letterDate ? (letterDate < CPMTG_2016_FROM ? '2009' : '2016') : undefined);
    return { document: known[1], ...(edition ? { edition } : {}) };
  }
  // ACOEM 2nd edition chapters adopted by MTUS: "Low Back Complaints", "General Approaches".
  return { document: `MTUS ACOEM Practice Guidelines, ${trimmed}`, ...(year ? { edition: year } : {}) };
}

/**
 * Section lists are comma separated, but some titles hold a comma ("NSAIDs, GI symptoms &
 * cardiovascular risk"), and opioid sections are numbered ("3.3.9 Opioids for ...: ...").
 */
function mtusSections(list: string): string[] {
  if (/^\d+(\.\d+)*\.? /.test(list)) return list.split(/,\s+(?=\d+(?:\.\d+)*\.? [A-Z])/).map((s) => s.trim());
  const out: string[] = [];
  for (const piece of list.split(/,\s+/)) {
    const prev = out.at(-1);
    // "NSAIDs" followed by its subtitle: a one-word title never stands before a lower-case
    // continuation or a known NSAID subtitle.
    if (prev !== undefined && /^NSAIDs$/.test(prev) && /^(GI symptoms|hypertension|specific drug list)/.test(piece)) out[out.length - 1] = `${prev}, ${piece}`;
    else if (prev !== undefined && /^[a-z]/.test(piece)) out[out.length - 1] = `${prev}, ${piece}`;
    else out.push(piece.trim());
  }
  return out.filter(Boolean);
}

/** "Non-MTUS Citation Official Disability Guidelines (ODG) Low Back Chapter, under Facet Joint ..." */
function nonMtus(clause: string): GuidelineCitation {
  const body = clause.replace(/^Non-MTUS Citation\s*/, '');
  const text = clause;
  const odg = /^Official Disability Guidelines(?: \(ODG\))?,?\s*(.*)$/.exec(body);
  if (odg) {
    const sections = odgSections(odg[1]!);
    return { text, document: 'Official Disability Guidelines (ODG)', ...(sections.length ? { sections } : {}), mtus: false };
  }
  const acoem3 = /^ACOEM Occupational Medicine Practice Guidelines,\s*(\d+)(?:st|nd|rd|th) ed\.?,\s*(.+?)(?:,\s*pg?s?\.\s*([\d-]+))?$/.exec(body);
  if (acoem3) {
    return {
      text, document: 'ACOEM Occupational Medicine Practice Guidelines', edition: ordinal(acoem3[1]!),
      sections: [acoem3[2]!.trim()], ...(acoem3[3] ? { pages: acoem3[3] } : {}), mtus: false,
    };
  }
  const acoem = /^ACOEM:\s*(.+)$/.exec(body);
  if (acoem) return { text, document: 'ACOEM Practice Guidelines', sections: splitTopLevel(acoem[1]!, /,\s*/), mtus: false };
  const odgShort = /^ODG\b\s*(.*)$/.exec(body);
  if (odgShort) return { text, document: 'Official Disability Guidelines (ODG)', ...(odgShort[1] ? { sections: odgSections(odgShort[1]) } : {}), mtus: false };
  return { text, document: body, mtus: false };
}

const ODG_CHAPTERS = ['Low Back', 'Neck and Upper Back', 'Neck', 'Shoulder', 'Elbow', 'Knee', 'Hip', 'Pain', 'Head'].join('|');

function odgSections(rest: string): string[] {
  // A chapter named again mid-list ("... - Therapeutic Low Back Chapter, under ...") starts a new part.
  const marked = rest.replace(new RegExp(`(?<=\\S)\\s+(?=(?:${ODG_CHAPTERS}) [Cc]hapter\\b)`, 'g'), ', ');
  const parts = splitTopLevel(marked, /\s*[,;]\s*|\s+under\s+|\s*\/\s*/)
    .map((p) => p.replace(/^under\s+/i, '').replace(/\s+(chapter|section)$/i, '').trim())
    .filter((p) => p !== '' && !/^(chapter|section)$/i.test(p));
  return [...new Set(parts)];
}

/** Splits on `sep` outside parentheses. */
function splitTopLevel(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  let i = 0;
  const sticky = new RegExp(sep.source, 'y');
  while (i < s.length) {
    const c = s[i]!;
    if (depth === 0) {
      sticky.lastIndex = i;
      const m = sticky.exec(s);
      if (m && m[0].length > 0) {
        out.push(current);
        current = '';
        i += m[0].length;
        continue;
      }
    }
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    current += c;
    i++;
  }
  out.push(current);
  return out.map((p) => p.trim()).filter(Boolean);
}

function ordinal(n: string): string {
  const v = Number(n);
  const suffix = v % 10 === 1 && v !== 11 ? 'st' : v % 10 === 2 && v !== 12 ? 'nd' : v % 10 === 3 && v !== 13 ? 'rd' : 'th';
  return `${v}${suffix}`;
}

/** "TOPICAL ANALGESICS" and "topical analgesics" become "Topical Analgesics"; mixed case stays. */
function titleCase(s: string): string {
  if (s !== s.toUpperCase() && s !== s.toLowerCase()) return s;
  return s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase());
}
