/**
 * Prior surgeries and procedures with their spinal levels ("anterior lumbar interbody fusion at
 * lumbar 4-lumbar 5 and lumbar 5-sacral 1", "medial branch block at bilateral L3-L4"), side,
 * region and date. Imaging reports that describe postoperative anatomy are not procedures.
 */
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import { parseSpinalLevels } from '../../catalog/spine.js';
import type { Procedure } from '../../model/case-schema.js';
import { findDates } from '../nlp/dates.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';
import { clauseAround, mentionsIn } from './mentions.js';

export type ProcedureFound = Found<Procedure> & { also: SummarySentence[] };

const PROCEDURE_KINDS = new Set(['procedure', 'surgery']);
const DONE = /\b(underwent|undergone|s\/p|status post|history of|had (?:a |an )?|has had|have included|has included|had included|included|prior|previous(?:ly)?|performed|received|to date|in the past|post-?op\w*|after)\b/i;
const PLANNED = /\b(pursu\w+|suggest\w*|intent on|consider\w*|candidate for|benefit from|plan(?:s|ned)?|request\w*|recommend\w*|proceed with|schedul\w+|await\w*|pending|would like)\b[^.;]*$/i;
const STUDY_REPORT = /\b(MRI|CT|x-?rays?|radiographs?|scan|imaging|myelogram)\b[^.]*\b(revealed|showed|demonstrated|noted|evidence of|consistent with|impression)\b/i;

export function extractProcedures(ctx: ExtractionContext): ProcedureFound[] {
  const out: ProcedureFound[] = [];
  for (const s of ctx.sentences) {
    if (s.role === 'review' || STUDY_REPORT.test(s.text)) continue;
    // "post-laminectomy syndrome" and "failed back surgery" are diagnoses, not procedures.
    const conditions = ctx.lexicon.find(s.text, 'condition');
    for (const m of mentionsIn(s.text, ctx.catalog)) {
      if (!m.entry || !PROCEDURE_KINDS.has(m.entry.kind)) continue;
      if (conditions.some((c) => c.start <= m.start && c.end >= m.end)) continue;
      const clause = clauseAround(s.text, m.start, m.end);
      // Only what was done: "has included", "underwent", "s/p" (not "intent on pursuing an epidural").
      if (!DONE.test(clause) && !DONE.test(s.text.slice(0, m.start))) continue;
      if (PLANNED.test(s.text.slice(Math.max(0, m.start - 60), m.start))) continue;
      if (assertionOf(s.text, m.start, m.end) !== 'affirmed') continue;
      const window = s.text.slice(m.reach[0], m.reach[1]);
      // Levels written before the name belong to it too: "bilateral lumbar 5 and sacral 1 laminotomy".
      const lead = s.text.slice(Math.max(0, m.start - 40), m.start).split(/,|;|\band\b(?=\s+[a-z]+\s+[a-z])/).at(-1) ?? '';
      const levels = parseSpinalLevels(`${lead} ${window}`);
      const p: Procedure = { procedure: m.id, as_written: s.text.slice(m.start, m.window[1]).replace(/[,.\s]+$/, '').replace(/\s+(?:and|in|on|at)$/, '') };
      const regions = bodyRegionsIn(`${m.name} ${window}`, levels);
      if (regions.length > 0) p.body_region = regions;
      const side = /\bbilateral(?:ly)?\b/i.test(lead + window) ? 'bilateral' : /\bleft\b/i.test(lead + window) ? 'left' : /\bright\b/i.test(lead + window) ? 'right' : undefined;
      if (side) p.side = side;
      if (levels.length > 0) p.levels = levels;
      const date = findDates(window)[0];
      if (date) p.date = date.iso;
      const same = out.find((o) => o.value.procedure === p.procedure && (o.value.date === p.date || !p.date || !o.value.date));
      if (same) {
        same.value.levels = [...new Set([...(same.value.levels ?? []), ...(p.levels ?? [])])];
        if (same.value.levels.length === 0) delete same.value.levels;
        same.value.side ??= p.side;
        same.value.date ??= p.date;
        same.value.body_region ??= p.body_region;
        if (same.from !== s && !same.also.includes(s)) same.also.push(s);
      } else out.push({ value: p, from: s, also: [] });
    }
  }
  return out;
}
