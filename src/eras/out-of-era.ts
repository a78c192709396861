/**
 * Outside the encoded eras the tool says so instead of predicting: a request judged on a date when
 * no encoded MTUS guideline was in force gets no_rule / out_of_era, naming the guideline in force
 * then and why the tool has no rule for it. Never a prediction from a retired edition.
 */
import type { NoRule } from '../predict/no-rule.js';
import { documentWindow, type DocumentRegistry } from './registry.js';

/** The dates the tool predicts IMR outcomes for: from the first encoded MTUS document to the last. */
export function encodedEra(registry: DocumentRegistry): { from: string; to?: string } | undefined {
  const windows = registry.documents.filter((d) => d.role === 'mtus' && d.encoded).map(documentWindow);
  if (windows.length === 0) return undefined;
  const from = windows.map((w) => w.from).sort()[0]!;
  const open = windows.some((w) => w.to === undefined);
  return open ? { from } : { from, to: windows.map((w) => w.to!).sort().at(-1)! };
}

/** The out_of_era answer for a date, or undefined when an encoded MTUS guideline is in force on it. */
export function outOfEra(registry: DocumentRegistry, date: string): NoRule | undefined {
  if (registry.inForceOn(date, 'mtus').some(({ document }) => document.encoded)) return undefined;
  const era = encodedEra(registry);
  const range = era ? `requests judged from ${era.from}${era.to ? ` through ${era.to}` : ''}` : 'no dates (no MTUS document is encoded)';
  const inForce = registry.inForceOn(date, 'mtus').map(({ document: d, period }) => `${d.name} (in force since ${period.from}; ${d.why_not_encoded ?? 'not encoded'})`);
  const then = inForce.length > 0 ? `the MTUS in force on ${date} is ${inForce.join('; ')}` : `no MTUS guideline the tool knows of was in force on ${date}`;
  return { reason: 'out_of_era', detail: `${then}; the tool predicts IMR outcomes only for ${range}` };
}
