/**
 * Whether a term found in a sentence names the patient's condition or finding, or is only part of
 * the name of something else: a test ("shoulder depression test", "de Quervain's test"), a
 * procedure ("carpal tunnel release", "trigger point injections", "carpal tunnel and de Quervain's
 * release"), a device ("fracture boot") or a place ("skilled nursing facility").
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { TermHit } from '../nlp/lexicon.js';

const PROCEDURE_NOUN = '(release|repair|surgery|decompression|reconstruction|injection|block|arthroscopy|arthroplasty|fixation)s?';
/** Words right after a term that make it the name of a test, a procedure or a place. */
const FOLLOWED_BY_TEST = /^(?:'s)?\s+(?:test|testing|sign|maneuver|manoeuvre)s?\b/i;
const FOLLOWED_BY_PROCEDURE = new RegExp(`^(?:'s)?\\s+(?:${PROCEDURE_NOUN}|facility|facilities|boot|brace|splint|walker)\\b`, 'i');
/** "carpal tunnel and de Quervain's release": the procedure noun after a coordination. */
const COORDINATED_PROCEDURE = new RegExp(`^\\s+(?:and|or|&)\\s+(?:[\\w'-]+\\s+){1,3}?${PROCEDURE_NOUN}\\b`, 'i');

/** The term is part of a catalog treatment's name written around it ("trigger point injections"). */
export function insideTreatmentName(text: string, hit: TermHit, catalog: Catalog): boolean {
  return catalog.findNames(text).some((n) => n.start <= hit.start && n.end >= hit.end && n.end - n.start > hit.end - hit.start);
}

/** A diagnosis word used as the name of a test, a procedure or a place. */
export function namesSomethingElse(text: string, hit: TermHit, catalog: Catalog): boolean {
  return FOLLOWED_BY_TEST.test(text.slice(hit.end)) || findingNamesSomethingElse(text, hit, catalog);
}

/** A finding or diagnosis named as part of a procedure or a place (a finding may itself be a test). */
export function findingNamesSomethingElse(text: string, hit: TermHit, catalog: Catalog): boolean {
  const after = text.slice(hit.end);
  if (FOLLOWED_BY_PROCEDURE.test(after) || insideTreatmentName(text, hit, catalog)) return true;
  // The shared head makes a procedure's name with this term: "carpal tunnel [release]".
  const coordinated = COORDINATED_PROCEDURE.exec(after);
  if (!coordinated) return false;
  const name = `${text.slice(hit.start, hit.end)} ${coordinated[1]}`;
  return catalog.findNames(name).some((n) => n.start === 0 && n.end >= name.length - 1);
}
