/**
 * Where the summary says the request on record was for something else than the item as worded:
 * "The Request for Authorization ... was for ketamine HCL injection; however, the authorization
 * for request was for ketamine 5% cream" against an item for a ketamine injection.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { parseRequest } from '../../catalog/parse-request.js';
import type { DisputedItem } from '../../model/case-schema.js';
import type { ExtractionContext, Found } from './context.js';

type RecordedRequest = NonNullable<DisputedItem['records_show']>;

const CONTRAST = /[;,]?\s*\b(?:however|but|whereas|instead|rather than|although)\b,?\s*/i;
const RECORDS = /\b(request(?:ed)? for authorization|RFA|authorization|records?|prescri\w+|progress (?:note|report)|request(?:ed)?)\b/i;

export function extractRecordsShow(ctx: ExtractionContext, item: { treatment?: string; route?: string; strength?: string }, catalog: Catalog): Found<RecordedRequest> | undefined {
  if (!item.treatment) return undefined;
  for (const s of ctx.sentences) {
    if (!CONTRAST.test(s.text) || !RECORDS.test(s.text)) continue;
    const parts = s.text.split(CONTRAST).filter((p) => p.trim() !== '');
    if (parts.length < 2) continue;
    const versions = parts.map((p) => ({ text: p.trim().replace(/\.$/, ''), parsed: parseRequest(p, catalog) }));
    const same = versions.filter((v) => v.parsed.treatment === item.treatment);
    if (same.length < 2) continue;
    // One version is the item as worded; another, naming the same treatment differently, is what the records show.
    const matches = same.find((v) => v.parsed.route === item.route);
    const other = same.find((v) => v !== matches && v.parsed.route !== undefined && v.parsed.route !== item.route);
    if (!matches || !other) continue;
    const shown: RecordedRequest = { treatment: item.treatment, text: other.text };
    if (other.parsed.route) shown.route = other.parsed.route;
    if (other.parsed.strength) shown.strength = other.parsed.strength;
    return { value: shown, from: s };
  }
  return undefined;
}
