/** A condition or finding tag read from a sentence by a pattern, with where its words are. */
export interface TagReading {
  id: string;
  /** false: the words document its absence ("reflexes 2+ and symmetric", "non-smoker") */
  present: boolean;
  start: number;
  end: number;
}

/** Words just before a term that make it a plan rather than a record: "will obtain", "plan is to have him sign". */
const PLANNED_BEFORE = /\b(?:will|would|to (?:be|have|obtain|sign|start|begin|undergo|get|receive|perform|complete|schedule|check|review|order)|plan(?:s|ned)? (?:to|for)|plan (?:is|was) (?:to|for)|should|needs? to|recommend\w*|request\w*|order\w*|schedul\w+|pending|consider\w*)\s+(?:[\w-]+\s+){0,4}$/i;

/** The term at `at` is governed by a word of planning in the words before it. */
export function plannedAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 60), at);
  const cut = Math.max(...[...before.matchAll(/[;:]|\.\s|\b(?:but|however|although|whereas)\b/gi)].map((m) => m.index + m[0].length), 0);
  return PLANNED_BEFORE.test(before.slice(cut));
}
