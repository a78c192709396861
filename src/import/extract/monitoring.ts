/**
 * What the records say of the monitoring that opioid therapy calls for: urine drug screens and
 * their result, checks of the prescription drug monitoring program (CURES), opioid treatment
 * agreements, and screening for the risk of abuse or addiction. Each is a general form:
 *   drug screen:  <screen> ... <result>            "UDS dated 9/1/16 was consistent with prescribed medications"
 *   CURES:        <CURES|PDMP> ... <done verb>     "a CURES report was reviewed and was appropriate"
 *   agreement:    <opioid|pain|narcotic|medication> (treatment) <agreement|contract>
 *   risk:         <a named instrument> | <risk> <assessment|screening> | (low|high) risk for <abuse|addiction|misuse>
 * What is only planned ("will obtain a urine drug screen", "to sign an agreement") documents nothing.
 */
import { plannedAt, type TagReading } from './tag-reading.js';

const SCREEN = /\b(?:urine (?:drug|tox\w*)(?: (?:screens?|screening|tests?|testing|panels?|results?|evaluations?|studies|study))?|UDS|UDT|UTOX|(?:urine )?toxicology (?:screens?|reports?|results?|testing|tests?)|drug (?:screens?|tests?|testing|screening))\b/gi;
const INCONSISTENT = /\b(?:inconsistent|not consistent|aberrant|unexpected|non-?compliant|positive for (?:\w+\s+)?(?:marijuana|THC|cannabis|cannabinoids?|cocaine|methamphetamines?|amphetamines?|alcohol|ethanol|heroin|illicit|non-?prescribed|unprescribed|benzodiazepines? (?:that|which) (?:was|were|is|are) not prescribed)|negative for (?:the |his |her |their )?(?:prescribed|opioids?|hydrocodone|oxycodone|tramadol))\b/i;
const CONSISTENT = /\b(?:consistent|appropriate|compliant|as expected|expected results?|within expected|negative for (?:any )?(?:illicit|non-?prescribed|unprescribed)|positive (?:only )?for (?:the |his |her |their )?prescribed|no (?:aberrant|illicit|inconsistent|unexpected))\b/i;
const CURES = /\b(?:CURES|PDMP|PMP|(?:prescription (?:drug )?monitoring (?:program|report|database|system)|prescription drug monitoring))\b/g;
const CHECKED = /\b(?:reviewed|checked|consulted|queried|run|ran|obtained|accessed|verified|performed|consistent|appropriate|showed|revealed|indicated|confirmed|was (?:negative|positive|unremarkable))\b/i;
const AGREEMENT = /\b(?:opioid|opiate|narcotics?|pain(?: management| medication)?|medication|controlled substances?|treatment)\s+(?:treatment\s+|medication\s+|management\s+|use\s+)?(?:agreements?|contracts?)\b/gi;
/** Named screening instruments, written as acronyms. */
const RISK_TOOLS = /\b(?:ORT|SOAPP(?:-R)?|COMM|DIRE|CAGE(?:-AID)?)\b/g;
const RISK = /\b(?:opioid risk tool|screener and opioid assessment|current opioid misuse measure|(?:opioid |addiction |abuse |misuse )?risk (?:assessment|screening|stratification|evaluation)|screen(?:ed|ing)? for (?:the )?risk|assessed for (?:the )?risk|(?:low|moderate|medium|high) risk (?:for|of) (?:opioid |medication |drug )?(?:abuse|misuse|addiction|aberrant|dependence|diversion))\b/gi;

export function monitoringReadings(text: string): TagReading[] {
  const out: TagReading[] = [];
  for (const m of text.matchAll(SCREEN)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const result = clauseAfter(text, end);
    const bad = INCONSISTENT.exec(result);
    const good = CONSISTENT.exec(result);
    if (bad && (!good || bad.index <= good.index)) {
      out.push({ id: 'urine_drug_screen_inconsistent', present: true, start, end: end + bad.index + bad[0].length });
      out.push({ id: 'urine_drug_screen_consistent', present: false, start, end: end + bad.index + bad[0].length });
    } else if (good && !planned(text, start)) out.push({ id: 'urine_drug_screen_consistent', present: true, start, end: end + good.index + good[0].length });
  }
  for (const m of text.matchAll(CURES)) {
    const around = `${clauseBefore(text, m.index)} ${clauseAfter(text, m.index + m[0].length)}`;
    if (CHECKED.test(around) && !planned(text, m.index)) out.push({ id: 'cures_reviewed', present: true, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(AGREEMENT)) {
    if (!planned(text, m.index)) out.push({ id: 'opioid_agreement', present: true, start: m.index, end: m.index + m[0].length });
  }
  for (const m of [...text.matchAll(RISK_TOOLS), ...text.matchAll(RISK)]) {
    if (/^risk (?:assessment|evaluation)$/i.test(m[0]) && !/\b(?:opioid|narcotic|abuse|addiction|misuse|aberrant|dependence)\b/i.test(text)) continue;
    if (!planned(text, m.index)) out.push({ id: 'opioid_risk_screening', present: true, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function planned(text: string, at: number): boolean {
  return plannedAt(text, at) || /\b(?:will|to be)\s+(?:\w+\s+){0,3}$/i.test(clauseBefore(text, at));
}

function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const cut = Math.max(...[...before.matchAll(/[;:]|\.\s|\b(?:but|however|although|whereas)\b/gi)].map((m) => m.index + m[0].length), 0);
  return before.slice(cut);
}

function clauseAfter(text: string, at: number): string {
  const rest = text.slice(at);
  const stop = rest.search(/[;]|\.\s|\b(?:but|however|although|whereas)\b/i);
  return stop < 0 ? rest : rest.slice(0, stop);
}
