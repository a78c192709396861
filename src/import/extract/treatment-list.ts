/**
 * The summary's own list of the treatment to date: a sentence that opens with "Treatment (to
 * date | history | rendered) has included", "Prior treatment included", "Conservative care has
 * consisted of", "To date, treatment has included" or "has been treated with", followed by a
 * list. Every item is recorded: the catalog treatments and classes it names, or its words when it
 * names none ("medications", "work restrictions"). An item the list denies ("no prior chiropractic
 * therapy") is not listed. Whether the list is closed is not read here: that is a presumption.
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { TreatmentToDate } from '../../model/case-schema.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found } from './context.js';
import { mentionsIn } from './mentions.js';

const LEAD = /^(?:to date,?\s+|thus far,?\s+|so far,?\s+)?(?:the\s+|his\s+|her\s+|their\s+|(?:the\s+)?(?:injured worker|patient|applicant|employee|claimant)'s\s+)?(?:prior\s+|past\s+|previous\s+)?(?:relevant\s+)?(?:conservative\s+|nonoperative\s+|non-operative\s+)?(?:treatments?|care|therapy|management)(?:\s+and\s+(?:diagnostic\w*|evaluations?|testing|studies)(?:\s+(?:studies|testing|tests))?)?(?:\s+history)?(?:\s+to\s+date|\s+rendered|\s+thus\s+far|\s+so\s+far)?(?:\s+(?:has|have|had))?(?:\s+(?:also|previously|otherwise))?(?:\s+been)?\s+(?:included|includes|include|including|consisted\s+of|consists\s+of|comprised|involved)\s*:?\s*|\b(?:has|have|had)\s+been\s+treated\s+(?:conservatively\s+|non-?operatively\s+)?with\s+/i;
/** Separators between list items; "including" opens sub-items that stay with their item. */
const ITEM_SPLIT = /\s*(?:,|;|\band\b|\bas well as\b|&)\s*/i;

const classSets = new WeakMap<Catalog, ReadonlySet<string>>();
/** Every class of the catalog: a list names kinds of care ("surgery", "injections") as often as treatments. */
function allClasses(catalog: Catalog): ReadonlySet<string> {
  let set = classSets.get(catalog);
  if (!set) classSets.set(catalog, (set = new Set(catalog.classIdList())));
  return set;
}

export function extractTreatmentToDate(ctx: ExtractionContext): Found<TreatmentToDate> | undefined {
  const classes = allClasses(ctx.catalog);
  let found: Found<TreatmentToDate> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    const lead = LEAD.exec(s.text);
    if (!lead) continue;
    const from = lead.index + lead[0].length;
    const list = s.text.slice(from).replace(/\.\s*$/, '');
    const mentions = mentionsIn(list, ctx.catalog, classes);
    const listed = new Set<string>();
    const other: string[] = [];
    let at = 0;
    for (const raw of list.split(ITEM_SPLIT)) {
      const start = list.indexOf(raw, at);
      at = start + raw.length;
      const item = raw.trim().replace(/^(?:use of|a|an|the|some|course of|a course of)\s+/i, '');
      if (item === '') continue;
      const inside = mentions.filter((m) => m.start >= start && m.start < start + raw.length);
      const affirmed = inside.filter((m) => assertionOf(s.text, from + m.start, from + m.end) === 'affirmed');
      if (inside.length > 0) affirmed.forEach((m) => listed.add(m.id));
      else if (assertionOf(s.text, from + start, from + start + raw.length) === 'affirmed' && !/^(?:no|not|without|never)\b/i.test(item)) other.push(item);
    }
    const value: TreatmentToDate = { listed: [...listed] };
    if (other.length > 0) value.other = other;
    // Several lists: they add up.
    if (found) {
      found.value.listed = [...new Set([...found.value.listed, ...value.listed])];
      if (value.other) found.value.other = [...(found.value.other ?? []), ...value.other];
    } else found = { value, from: s };
  }
  return found;
}
