/**
 * Does a rule's citation name the guideline the reviewer cited? Both are reduced to document
 * families (the Chronic Pain guidelines, an ACOEM 2004 chapter, ODG, ...); they agree when they
 * share a family and the rule's section shares a significant word (or a page) with the citation.
 */
import type { Source } from '../model/rule-schema.js';

const FAMILIES: [string, RegExp][] = [
  ['cpmtg', /chronic pain/i],
  ['opioid-guidelines', /opioids? treatment guidelines|MTUS Opioid Treatment/i],
  ['acupuncture', /acupuncture medical treatment|acupuncture guidelines/i],
  ['postsurgical', /post-?surgical/i],
  ['odg', /official disability guidelines|\bODG\b/i],
  ['acoem-3rd', /ACOEM[^.]*3rd|3rd ed/i],
  ['acoem:neck', /neck and upper back/i],
  ['acoem:shoulder', /shoulder complaints|shoulder chapter|chapter 9\b/i],
  ['acoem:elbow', /elbow (disorders|complaints)/i],
  ['acoem:hand', /forearm, wrist,? (and|&) hand/i],
  ['acoem:low-back', /low back complaints|chapter 12\b/i],
  ['acoem:knee', /knee complaints|chapter 13\b/i],
  ['acoem:ankle', /ankle and foot/i],
  ['acoem:general', /general approach|initial approach|independent medical exam|chapter [1-7]\b/i],
];

const STOP = new Set(['and', 'the', 'for', 'of', 'in', 'on', 'to', 'with', 'mtus', 'guidelines', 'guideline', 'section', 'sections', 'chapter', 'treatment', 'medical', 'complaints', 'use', 'not', 'criteria', 'recommended']);

function families(text: string): Set<string> {
  return new Set(FAMILIES.filter(([, re]) => re.test(text)).map(([k]) => k));
}

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .map((w) => w.replace(/s$/, ''))
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
}

function pages(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/\b(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?\b/g)) {
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b >= a && b - a < 60) for (let p = a; p <= b; p++) out.add(p);
  }
  return out;
}

export function citationAgrees(rule: Source, reviewerText: string): boolean {
  const ruleFamilies = families(`${rule.document} ${rule.edition} ${rule.section}`);
  const cited = families(reviewerText);
  if (![...ruleFamilies].some((f) => cited.has(f))) return false;
  const citedWords = words(reviewerText);
  if ([...words(rule.section)].some((w) => citedWords.has(w))) return true;
  if (!rule.pages) return false;
  const citedPages = pages(reviewerText.replace(/\b(19|20)\d\d\b/g, ''));
  return [...pages(rule.pages)].some((p) => citedPages.has(p));
}
