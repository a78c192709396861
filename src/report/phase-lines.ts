/** The phase-of-care notes of an item, shared by the short and the verbose report. */
import type { ItemExplanation } from '../predict/explain.js';

const PHASE_WORDS = { acute: 'acute and subacute care', chronic: 'chronic pain' } as const;

/** Why a guideline was set aside, or judged the request although written for another phase of care. */
export function phaseLines(e: ItemExplanation): string[] {
  if (!e.phase) return [];
  const when = `${e.phase.weeks} weeks after the injury`;
  const out: string[] = [];
  for (const n of e.phase.set_aside) out.push(`   Phase of care: ${when}; set aside ${n.rule} (${n.document} is written for ${PHASE_WORDS[n.phase]}, ${n.phase === 'chronic' ? 'from' : 'before'} ${n.boundary_weeks} weeks)`);
  for (const n of e.phase.out_of_phase) out.push(`   Phase of care: ${when}; ${n.rule} judged it although ${n.document} is written for ${PHASE_WORDS[n.phase]}: no guideline for this phase covers the request`);
  return out;
}
