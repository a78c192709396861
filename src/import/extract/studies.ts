/**
 * Prior imaging and electrodiagnostic studies: kind, region, date and result ("X-ray of the right
 * shoulder on 10-13-16 revealed ...", "lumbar spine MRI dated 6/19/2008 and 7/20/2012" = two
 * studies). A study that is requested or planned is not a prior study, nor is a study requested
 * and done the same day (the retrospective request itself).
 */
import { bodyRegionsIn } from '../../catalog/parse-request.js';
import type { Study } from '../../model/case-schema.js';
import { findDates } from '../nlp/dates.js';
import { assertionOf } from '../nlp/negation.js';
import type { ExtractionContext, Found } from './context.js';
import { clauseAround, mentionsIn } from './mentions.js';

const STUDY_KINDS = new Set(['imaging', 'diagnostic']);
const DONE = /\b(revealed|showed|shows|demonstrated|noted|indicated|confirmed|dated|performed|done|obtained|completed|evaluations? include|studies (?:to date )?(?:have )?include|impression|was (?:normal|negative|unremarkable|positive)|prior|previous|on \d)/i;
const REQUESTED_STUDY = /\b(?:requested|requesting|request(?:s|ed)? for|order(?:ed|ing)|authori[sz]ation for)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i;
const RESULT = /\b(?:revealed|showed|shows|demonstrated|indicated|confirmed|was notable for|noted)\s+(.+)$/i;

export function extractStudies(ctx: ExtractionContext): Found<Study>[] {
  const out: Found<Study>[] = [];
  for (const s of ctx.sentences) {
    if (s.role === 'review') continue;
    const mentions = mentionsIn(s.text, ctx.catalog).filter((m) => m.entry && STUDY_KINDS.has(m.entry.kind));
    for (const m of mentions) {
      const window = s.text.slice(m.start, m.window[1]);
      const tail = s.text.slice(m.start);
      if (s.role === 'request' && !DONE.test(window)) continue;
      // "requested computed tomography ... that was performed on this date": the study requested is
      // the disputed item itself (a retrospective request), not a prior study.
      if (REQUESTED_STUDY.test(s.text.slice(Math.max(0, m.start - 30), m.start))) continue;
      if (!DONE.test(tail) && !/\b(had|has had|underwent|(?:have|has|had) included|to date include[sd]?)\b/i.test(s.text.slice(0, m.start))) continue;
      if (assertionOf(s.text, m.start, m.end) !== 'affirmed') continue;
      // The region is named right before ("lumbar spine MRI") or right after ("MRI of the lumbar spine").
      const lead = s.text.slice(Math.max(0, m.start - 25), m.start).split(/,|;|\band\b/).at(-1) ?? '';
      const regions = bodyRegionsIn(`${lead} ${window.split(/\b(?:revealed|showed|demonstrated|indicated)\b/i)[0]}`, []);
      const clause = clauseAround(s.text, m.start, m.end);
      const result = RESULT.exec(clause.slice(clause.indexOf(m.name)))?.[1]?.replace(/[.,\s]+$/, '');
      // The study's own dates: just before its name ("On March 11, 2013, a CT") or between its name and its findings.
      const at = clause.indexOf(m.name);
      const verb = clause.slice(at).search(/\b(?:revealed|showed|demonstrated|indicated|confirmed)\b/i);
      const dates = findDates(clause).filter((d) => (d.end <= at && at - d.end <= 30) || (d.start >= at && (verb < 0 || d.start < at + verb)));
      const base: Study = { study: m.id };
      if (regions.length > 0) base.body_region = regions;
      if (result) base.result = result;
      const studies = dates.length > 0 ? dates.map((d) => ({ ...base, date: d.iso })) : [base];
      for (const st of studies) {
        if (out.some((o) => o.value.study === st.study && o.value.date === st.date && sameRegions(o.value, st))) continue;
        out.push({ value: st, from: s });
      }
    }
  }
  return out;
}

function sameRegions(a: Study, b: Study): boolean {
  return (a.body_region ?? []).join() === (b.body_region ?? []).join();
}
