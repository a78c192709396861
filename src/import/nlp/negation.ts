/**
 * NegEx-style assertion of a term found in a sentence (Chapman et al. 2001): is it affirmed,
 * negated ("denies numbness", "no evidence of CRPS", "negative straight leg raising", "ruled
 * out"), uncertain ("possible", "rule out", "to evaluate for"), about someone else ("family
 * history of") or merely undocumented ("no documentation of")? Triggers act within their clause:
 * a conjunction such as "but" or "however", a semicolon or the sentence end closes the scope.
 */
export type Assertion = 'affirmed' | 'negated' | 'uncertain' | 'other';

/** Phrases that look like triggers but are not ("no change in", "not only"). */
const PSEUDO = /\b(no (?:significant )?(?:change|increase|decrease|improvement|further)|not only|not necessarily|without difficulty|gram negative|no new)\b/gi;
/** Absence of documentation is not absence of the condition. */
const UNDOCUMENTED_BEFORE = /\b((?:no|without(?: any)?|insufficient|inadequate|lack of|little) (?:documentation|documented evidence|indication|mention|record|report|objective evidence) (?:of|that|regarding)|not (?:documented|noted|mentioned|specified|provided|included|clear)|unclear (?:whether|if)|did not (?:document|indicate|mention)|lack of|failed to (?:document|provide)|whether (?:or not )?)\b/i;
const NEG_BEFORE = /\b(no|not|denie[sd]|deny|denying|without|negative(?: for)?|no evidence of|no signs? of|free of|absence of|absent|ruled out|rules out|does not have|did not have|do not have|has not had|have not had|had no|has no|never|nor|neither|resolved|unremarkable for|no history of|no complaints? of|no reports? of|not have|not had|no longer has|negative)\b[^.;]*$/i;
const NEG_AFTER = /^(?:(?:\S+\s+){0,3}?(?:was|were|is|are|has been|have been|had been|tests?|tested)\s+(?:negative|ruled out|absent|not present|not found|not seen|unremarkable|resolved|denied|normal|intact|within normal limits)|(?:tests?\s+)?(?:negative|absent|ruled out|not present))\b/i;
const UNCERTAIN_BEFORE = /\b(possible|possibly|probable|questionable|suspected|suspect|suspicious for|concern for|concerning for|rule out|r\/o|to rule out|evaluate for|evaluation for|assess for|to assess|to evaluate|consider|considering|cannot be excluded|question of|versus|vs\.?|if|potential|risk of|at risk for|prevent|prevention of|screen(?:ing)? for)\b[^.;]*$/i;
const UNCERTAIN_AFTER = /^[^.;]*?\b(was|is|were|to be)?\s*(suspected|possible|questionable|ruled in or out|to be ruled out|cannot be ruled out|not excluded)\b/i;
/** Someone else's condition: "family history of", "his mother has" (not "lives with his wife, as he ..."). */
const OTHER_BEFORE = /\b(family history|(?:mother|father|sister|brother|sibling|son|daughter|wife|husband|spouse|parent)s?(?:'s)?\s+(?:has|had|have|with|was|were|is|are|suffers|suffered|died|diagnosed))\b[^.;]*$/i;
/** Words that close a trigger's scope. */
const TERMINATORS = /\b(but|however|although|though|except|apart from|aside from|whereas|while|which|who|yet|still)\b|[;:]|\. /gi;

/** How far (in words) a trigger before the term reaches; NegEx uses about five. */
const WINDOW_WORDS = 6;

export function assertionOf(sentence: string, start: number, end: number): Assertion {
  // A trigger inside a closed parenthesis governs the parenthesis only: "X (without documentation of Y) and Z".
  const before = clauseBefore(sentence, start).replace(/\([^()]*\)/g, ' ').replace(PSEUDO, ' ');
  const after = clauseAfter(sentence, end).replace(PSEUDO, ' ');
  const near = lastWords(before, WINDOW_WORDS);
  if (OTHER_BEFORE.test(near)) return 'other';
  // "made no mention of the applicant's having issues with paresthesias": a longer reach.
  if (UNDOCUMENTED_BEFORE.test(lastWords(before, 2 * WINDOW_WORDS)) || RECORDS_SILENT.test(before)) return 'uncertain';
  if (UNCERTAIN_BEFORE.test(near)) return 'uncertain';
  const neg = NEG_BEFORE.exec(near);
  // "without" and a bare "negative" qualify the next words only: "X without myelopathy, and Z",
  // "negative SLR and tenderness"; but "negative anterior and posterior drawer signs" is one test.
  const afterTrigger = neg ? near.slice(neg.index + neg[1]!.length) : '';
  // A list the trigger opens ends where a longer finding starts: "no swelling or warmth, tenderness over the joint line".
  const leavesList = /,/.test(afterTrigger) && !shortItem(afterTrigger, after);
  if (neg && !leavesList && !(/^(without|negative)$/i.test(neg[1]!) && /,|\b(?:and|or)\s*$/.test(afterTrigger))) return 'negated';
  if (listNegated(before, after)) return 'negated';
  const soon = firstWords(after, 5);
  if (UNCERTAIN_AFTER.test(soon)) return 'uncertain';
  if (NEG_AFTER.test(soon) && !/^\s*(?:and|or|,)/.test(after)) return 'negated';
  return 'affirmed';
}

/** Only the post-term part of NegEx: "sensation is intact", "Spurling's test was negative". */
export function negatedAfter(sentence: string, end: number): boolean {
  return NEG_AFTER.test(firstWords(clauseAfter(sentence, end), 5));
}

/** What the records do not show, said of the whole clause: "the medical records do not reveal any red flags ... or neurological deficits". */
const RECORDS_SILENT = /\b(?:records?|documentation|notes?|reports?)\s+(?:do|does|did)\s+not\s+(?:reveal|show|document|indicate|demonstrate|mention|describe|support)\b/i;

/** Triggers whose scope runs along a list: "denied nausea, vomiting, fever, chills, or headaches". */
const LIST_TRIGGER = /\b(?:denie[sd]|deny|denying|no|negative for|free of|absence of)\s+(?:any\s+)?/gi;

/** The term ends a list of short items that a negation trigger opens. */
function listNegated(before: string, after: string): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of before.matchAll(LIST_TRIGGER)) last = m as RegExpExecArray;
  if (!last) return false;
  const items = before.slice(last.index + last[0].length).split(/,|\bor\b|\band\b|\/|\bnor\b/);
  const between = items.slice(0, -1).map((i) => i.trim()).filter(Boolean);
  if (between.length === 0 || items.at(-1)!.trim() !== '') return false;
  // The term must be a short item too: "no stiffness or splinting, tenderness at the posterior
  // cervical and paracervical regions" starts a new finding, not another item denied.
  return between.every((item) => item.split(/\s+/).length <= 4) && shortItem(before, after);
}

/**
 * The term is still an item of the list: the last one, joined by "or"/"and" ("tingling or
 * weakness of her arms"), or one with few words of its own before the next separator.
 */
function shortItem(before: string, after: string): boolean {
  if (/\b(?:or|and|nor)\s*$/i.test(before)) return true;
  const own = (after.split(/,|\bor\b|\band\b|\/|\bnor\b/)[0] ?? '').trim();
  return own.split(/\s+/).filter(Boolean).length <= 2;
}

function clauseBefore(s: string, start: number): string {
  const text = s.slice(0, start);
  let cut = 0;
  for (const m of text.matchAll(TERMINATORS)) cut = m.index + m[0].length;
  return text.slice(cut);
}

function clauseAfter(s: string, end: number): string {
  const text = s.slice(end);
  TERMINATORS.lastIndex = 0;
  const m = new RegExp(TERMINATORS.source, 'i').exec(text);
  return m ? text.slice(0, m.index) : text;
}

function lastWords(s: string, n: number): string {
  const words = s.trim().split(/\s+/);
  return words.slice(Math.max(0, words.length - n)).join(' ');
}

function firstWords(s: string, n: number): string {
  return s.trim().split(/\s+/).slice(0, n).join(' ');
}
