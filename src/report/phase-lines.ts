/** The phase-of-care notes of an item, shared by the short and the verbose report. */
import type { ItemExplanation, PhaseNote } from '../predict/explain.js';

const PHASE_WORDS = { acute: 'acute and subacute care', chronic: 'chronic pain' } as const;

/**
 * Why a guideline was set aside, or judged the request although written for another phase of
 * care: one line per document and phase, naming every rule it concerns (several rules of one
 * document are usually set aside, or kept, together).
 */
export function phaseLines(e: ItemExplanation): string[] {
  if (!e.phase) return [];
  const when = `${e.phase.weeks} weeks after the injury`;
  const out: string[] = [];
  for (const [n, rules] of byDocument(e.phase.set_aside)) out.push(`   Phase of care: ${when}; set aside ${rules} (${n.document} is written for ${PHASE_WORDS[n.phase]}, ${n.phase === 'chronic' ? 'from' : 'before'} ${n.boundary_weeks} weeks)`);
  for (const [n, rules] of byDocument(e.phase.out_of_phase)) out.push(`   Phase of care: ${when}; ${rules} judged it although ${n.document} is written for ${PHASE_WORDS[n.phase]}: no guideline for this phase covers the request`);
  return out;
}

/** Notes grouped by document, phase and boundary, in first-seen order, with their rules joined. */
function byDocument(notes: readonly PhaseNote[]): [PhaseNote, string][] {
  const groups = new Map<string, { first: PhaseNote; rules: string[] }>();
  for (const n of notes) {
    const key = `${n.document}\u0000${n.phase}\u0000${n.boundary_weeks}`;
    const g = groups.get(key);
    if (g) g.rules.push(n.rule);
    else groups.set(key, { first: n, rules: [n.rule] });
  }
  return [...groups.values()].map((g) => [g.first, g.rules.join(', ')]);
}
