/**
 * Whether surgery is being considered or planned: "surgery was recommended", "candidate for
 * surgery", "scheduled for surgery"; false when the records say it is not ("not a surgical
 * candidate", "does not wish to have surgery"). A surgical consultation alone decides nothing.
 */
import type { ExtractionContext, Found } from './context.js';

const CONSIDERED = /\b(surgery|surgical (?:intervention|repair|treatment|option|management)|operative (?:intervention|treatment)|arthroscop\w*|fusion|decompression|arthroplasty|replacement|repair)\b[^.;]{0,40}\b(recommended|planned|scheduled|considered|contemplated|indicated|authorized|certified|pending|discussed)\b|\b(candidate for|consider(?:ing|s|ed)?|plan(?:s|ned)? (?:for|to have)|scheduled for|wish(?:es)? to (?:proceed with|have|undergo)|recommend(?:ed|s|ation)? (?:for )?|proceed with|awaiting|pending)\s+(?:a |an |the )?(?:\w+[ -]){0,3}?(surgery|surgical|operati(?:on|ve)|arthroscop\w*|fusion|decompression|arthroplasty|repair)\b(?!\s*(?:consult\w*|evaluation|referral|opinion|clearance))/i;
const NOT_CONSIDERED = /\b(not (?:a )?(?:surgical )?candidate|not (?:interested in|considering|contemplating|willing to (?:undergo|have|consider))|declin(?:es|ed) (?:surgery|surgical)|does not (?:wish|want) (?:to have )?(?:surgery|surgical)|no (?:surgery|surgical (?:intervention|plans?)) (?:is |was )?(?:planned|recommended|indicated|contemplated)|non-?surgical candidate)\b/i;

export function extractSurgeryConsidered(ctx: ExtractionContext): Found<boolean> | undefined {
  let found: Found<boolean> | undefined;
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    if (NOT_CONSIDERED.test(s.text)) found = { value: false, from: s };
    else if (CONSIDERED.test(s.text) && !/\b(no|not|without)\s+(?:\w+\s+){0,3}(surgery|surgical)/i.test(s.text)) found = { value: true, from: s };
  }
  return found;
}
