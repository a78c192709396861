/**
 * Where the summary says the records describe the request otherwise than the item is worded. The
 * general form: one sentence about the request or the records sets two versions of the same
 * treatment against each other with a contrast ("however", "but", "whereas", "instead", "rather
 * than"); one version is the item as worded (same treatment, same or unstated route), the other
 * names the same treatment by another route or strength. That other version is what the records
 * show: "the RFA was for an oral tablet; however, the prescription on file was for a topical gel".
 */
import type { Catalog } from '../../catalog/catalog.js';
import { parseRequest } from '../../catalog/parse-request.js';
import type { DisputedItem } from '../../model/case-schema.js';
import type { ExtractionContext, Found } from './context.js';

type RecordedRequest = NonNullable<DisputedItem['records_show']>;

const CONTRAST = /[;,]?\s*\b(?:however|but|whereas|instead of|instead|rather than|although|while)\b,?\s*/i;
const RECORDS = /\b(request(?:ed)? for authorization|RFA|authorization|records?|prescri\w+|progress (?:note|report)|request(?:ed)?|order(?:ed)?|documentation)\b/i;

export function extractRecordsShow(ctx: ExtractionContext, item: { treatment?: string; route?: string; strength?: string }, catalog: Catalog): Found<RecordedRequest> | undefined {
  if (!item.treatment) return undefined;
  for (const s of ctx.sentences) {
    if (!CONTRAST.test(s.text) || !RECORDS.test(s.text)) continue;
    const versions = s.text
      .split(CONTRAST)
      .filter((p) => p.trim() !== '')
      // In a summary "RFA" is the request for authorization, not a radiofrequency ablation.
      .map((p) => ({ text: p.trim().replace(/\.$/, ''), parsed: parseRequest(p.replace(/\bRFA\b/g, '   '), catalog) }))
      .filter((v) => v.parsed.treatment === item.treatment);
    if (versions.length < 2) continue;
    const asWorded = versions.find((v) => v.parsed.route === undefined || v.parsed.route === item.route);
    const other = versions.find((v) => v !== asWorded && differs(v.parsed, item));
    if (!asWorded || !other) continue;
    const shown: RecordedRequest = { treatment: item.treatment, text: other.text };
    if (other.parsed.route) shown.route = other.parsed.route;
    if (other.parsed.strength) shown.strength = other.parsed.strength;
    return { value: shown, from: s };
  }
  return undefined;
}

/** Another route, or another strength where both are stated. */
function differs(version: { route?: string; strength?: string }, item: { route?: string; strength?: string }): boolean {
  if (version.route !== undefined && version.route !== item.route) return true;
  return version.strength !== undefined && item.strength !== undefined && version.strength.replace(/\s+/g, '') !== item.strength.replace(/\s+/g, '');
}
