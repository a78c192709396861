/**
 * Prior surgeries and procedures with their spinal levels ("anterior lumbar interbody fusion at
 * lumbar 4-lumbar 5 and lumbar 5-sacral 1", "medial branch block at bilateral L3-L4"), side,
 * region and date. Imaging reports that describe postoperative anatomy are not procedures.
 * A surgery named only by its kind ("status post knee surgery") is recorded as that class; two
 * procedures sharing a head noun are both read ("carpal tunnel and de Quervain's release").
 */
import type { Catalog } from '../../catalog/catalog.js';
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import { jointsBetween, parseSpinalLevels } from '../../catalog/spine.js';
import type { Procedure } from '../../model/case-schema.js';
import { findDates } from '../nlp/dates.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found, SummarySentence } from './context.js';
import { clauseAround, mentionsIn, SURGERY_CLASSES, type Mention } from './mentions.js';
import { namesSomethingElse } from './term-use.js';

export type ProcedureFound = Found<Procedure> & { also: SummarySentence[] };

const PROCEDURE_KINDS = new Set(['procedure', 'surgery']);
/** Words saying a procedure was done: "underwent", "s/p", "following his fusion", "has included". */
const DONE = /\b(underwent|undergone|s\/p|status post|history of|had (?:a |an )?|has had|have included|has included|had included|included|prior|previous(?:ly)?|performed|received|to date|in the past|post-?op\w*|after|following)\b/i;
/** In a sentence about the request or plan, only words of the past count ("plan ... included" does not). */
const DONE_IN_PLAN = /\b(underwent|undergone|s\/p|status post|history of|has had|had (?:a |an )|prior|previous(?:ly)?|performed|post-?op\w*|following)\b/i;
const PLANNED = /\b(pursu\w+|suggest\w*|intent on|consider\w*|candidate for|benefit from|plan(?:s|ned)?|request\w*|recommend\w*|proceed with|schedul\w+|await\w*|pending|would like)\b[^.;]*$/i;
const STUDY_REPORT = /\b(MRI|CT|x-?rays?|radiographs?|scan|imaging|myelogram)\b[^.]*\b(revealed|showed|demonstrated|noted|evidence of|consistent with|impression)\b/i;
/** Head nouns a coordination may share: "carpal tunnel and de Quervain's release". */
const SHARED_HEAD = /\b(?:and|or|&)\s+(?:[\w'-]+\s+){1,3}?(release|repair|decompression|fusion|arthroscopy|injections?|blocks?|reconstruction)\b/gi;

export function extractProcedures(ctx: ExtractionContext): ProcedureFound[] {
  const out: ProcedureFound[] = [];
  for (const s of ctx.sentences) {
    if (s.role === 'review' || STUDY_REPORT.test(s.text)) continue;
    // "post-laminectomy syndrome" and "failed back surgery" are diagnoses, not procedures.
    const conditions = ctx.lexicon.find(s.text, 'condition').filter((c) => !namesSomethingElse(s.text, c, ctx.catalog));
    const mentions = [...mentionsIn(s.text, ctx.catalog, SURGERY_CLASSES), ...sharedHeadMentions(s.text, ctx.catalog)];
    for (const m of mentions) {
      if (m.entry ? !PROCEDURE_KINDS.has(m.entry.kind) : !SURGERY_CLASSES.has(m.id)) continue;
      if (conditions.some((c) => c.start <= m.start && c.end >= m.end)) continue;
      const clause = clauseAround(s.text, m.start, m.end);
      // Only what was done: "has included", "underwent", "s/p" (not "intent on pursuing an epidural");
      // in a sentence about the plan, only a word of the past before the name.
      if (s.role === 'request' ? !DONE_IN_PLAN.test(s.text.slice(0, m.start)) : !DONE.test(clause) && !DONE.test(s.text.slice(0, m.start))) continue;
      if (PLANNED.test(s.text.slice(Math.max(0, m.start - 60), m.start))) continue;
      if (assertionOf(s.text, m.start, m.end) !== 'affirmed') continue;
      const window = s.text.slice(m.reach[0], m.reach[1]);
      // Levels written before the name belong to it too: "bilateral lumbar 5 and sacral 1 laminotomy".
      const lead = s.text.slice(Math.max(0, m.start - 40), m.start).split(/,|;|\band\b(?=\s+[a-z]+\s+[a-z])/).at(-1) ?? '';
      let levels = parseSpinalLevels(`${lead} ${window}`);
      // A surgery "at lumbar 5 and sacral 1" operates on the segment between them.
      if (m.entry?.kind === 'surgery' && levels.length === 2 && !levels.some((l) => l.includes('-'))) levels = jointsBetween(levels).length === 1 ? jointsBetween(levels) : levels;
      const p: Procedure = { procedure: m.id, as_written: s.text.slice(m.start, m.window[1]).replace(/[,.\s]+$/, '').replace(/\s+(?:and|in|on|at)$/, '') };
      const regions = bodyRegionsIn(`${m.name} ${window}`, levels);
      if (regions.length > 0) p.body_region = regions;
      const side = /\bbilateral(?:ly)?\b/i.test(lead + window) ? 'bilateral' : /\bleft\b/i.test(lead + window) ? 'left' : /\bright\b/i.test(lead + window) ? 'right' : undefined;
      if (side) p.side = side;
      if (levels.length > 0) p.levels = levels;
      const date = findDates(window)[0];
      if (date) p.date = date.iso;
      const next = mentions.find((o) => o.start > m.start && (o.entry ? PROCEDURE_KINDS.has(o.entry.kind) : true));
      Object.assign(p, reliefAfter(s.text.slice(m.end, next ? next.start : s.text.length)));
      const same = out.find((o) => o.value.procedure === p.procedure && (o.value.date === p.date || !p.date || !o.value.date));
      if (same) {
        same.value.levels = [...new Set([...(same.value.levels ?? []), ...(p.levels ?? [])])];
        if (same.value.levels.length === 0) delete same.value.levels;
        same.value.side ??= p.side;
        same.value.date ??= p.date;
        same.value.body_region ??= p.body_region;
        if (same.from !== s && !same.also.includes(s)) same.also.push(s);
        same.value.pain_relief_percent ??= p.pain_relief_percent;
        same.value.relief_weeks ??= p.relief_weeks;
        same.value.response ??= p.response;
      } else out.push({ value: p, from: s, also: [] });
    }
  }
  // A surgery of a kind only ("surgery") adds nothing when a named surgery of that kind is recorded.
  return out.filter((p) => !SURGERY_CLASSES.has(p.value.procedure) || !out.some((o) => o !== p && ctx.catalog.isA(o.value.procedure, p.value.procedure)));
}

const RELIEF_PERCENT = /\b(\d{1,3})\s*(?:%|percent)\s*(?:(?:pain|symptom|overall)\s+)?(?:relief|improvement|reduction|decrease|better|less pain)|\b(?:relief|improvement|reduction|decrease)\s+of\s+(?:about\s+|approximately\s+)?(\d{1,3})\s*(?:%|percent)/i;
const RELIEF_FOR = /^[^.;]{0,40}?\b(?:for|lasting|lasted|x)\s+(?:about |approximately |over |more than |at least |only |nearly |almost )?(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a)\s+(hours?|days?|weeks?|months?)\b/i;
const NO_RELIEF = /\b(?:did not (?:help|provide (?:any )?relief|improve)|no (?:significant |lasting )?(?:relief|benefit|improvement)|without (?:any |significant )?(?:relief|benefit|improvement)|not helpful|ineffective|failed)\b/i;
const BRIEF_RELIEF = /\b(?:temporar\w+|short[- ](?:term|lived|lasting)|brief|transient)\s+(?:relief|benefit|improvement)\b/i;
const RELIEF_COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, 'a few': 2, several: 3, a: 1 };

/**
 * How a procedure went, in the words after its name: "with 60% pain relief for 8 weeks", "relief of
 * 50% lasting about 3 months", "did not help", "temporary relief".
 */
function reliefAfter(words: string): Pick<Procedure, 'pain_relief_percent' | 'relief_weeks' | 'response'> {
  const out: Pick<Procedure, 'pain_relief_percent' | 'relief_weeks' | 'response'> = {};
  if (NO_RELIEF.test(words)) return { response: 'failed' };
  const pct = RELIEF_PERCENT.exec(words);
  if (pct) {
    const n = Number(pct[1] ?? pct[2]);
    if (n <= 100) out.pain_relief_percent = n;
    const lasting = RELIEF_FOR.exec(words.slice(pct.index + pct[0].length));
    if (lasting) {
      const count = RELIEF_COUNTS[lasting[1]!.toLowerCase()] ?? Number(lasting[1]);
      const unit = lasting[2]!.toLowerCase();
      const perWeek = unit.startsWith('hour') ? 1 / 168 : unit.startsWith('day') ? 1 / 7 : unit.startsWith('week') ? 1 : 52 / 12;
      out.relief_weeks = Math.round(count * perWeek * 100) / 100;
    }
  }
  if (BRIEF_RELIEF.test(words)) out.response = 'partial';
  return out;
}

/**
 * "carpal tunnel and de Quervain's release": the words before the conjunction make a catalog name
 * with the shared head noun ("carpal tunnel release"), which the text never writes whole.
 */
function sharedHeadMentions(text: string, catalog: Catalog): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(SHARED_HEAD)) {
    const words = [...text.slice(Math.max(0, m.index - 40), m.index).matchAll(/[\w'-]+/g)];
    for (let n = Math.min(3, words.length); n >= 1; n--) {
      const first = words[words.length - n]!;
      const start = Math.max(0, m.index - 40) + first.index;
      const name = `${text.slice(start, m.index).trim()} ${m[1]}`;
      const hit = catalog.findNames(name).find((h) => h.start === 0 && h.end === name.length);
      if (!hit) continue;
      const end = start + text.slice(start, m.index).trimEnd().length;
      out.push({ id: hit.entry.id, entry: hit.entry, start, end, name, window: [start, end], reach: [start, end] });
      break;
    }
  }
  return out;
}
