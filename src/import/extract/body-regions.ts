/** Symptomatic body regions: the regions named where the summary describes pain, complaints or injury. */
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import type { BodyRegion } from '../../model/vocabulary.js';
import type { ExtractionContext, Found } from './context.js';

const SYMPTOM = /\b(pain|complain\w*|symptoms?|tender\w*|injur\w*|sprain|strain|numbness|stiffness|swelling)\b/i;

export function extractBodyRegions(ctx: ExtractionContext): Found<BodyRegion>[] {
  const out = new Map<BodyRegion, Found<BodyRegion>>();
  for (const s of ctx.sentences) {
    if (s.role !== 'clinical' || !SYMPTOM.test(s.text)) continue;
    for (const r of bodyRegionsIn(s.text, [])) if (!out.has(r)) out.set(r, { value: r, from: s });
  }
  return [...out.values()];
}
