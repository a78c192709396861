/** A made-up clinical case summary as the extractors read it, for unit tests of reading patterns. */
import { extractionContext, type ExtractionContext, type RequestLine } from '../../src/import/extract/context.js';
import { sentencesOf } from '../../src/import/nlp/sentences.js';
import { bundledRuleset } from '../helpers.js';

export function summary(text: string, requests: string[] = []): ExtractionContext {
  const lines: RequestLine[] = requests.map((r, item) => ({ text: r, start: 0, end: r.length, item }));
  return extractionContext(bundledRuleset().catalog, sentencesOf(text, { start: 0, end: text.length }), lines);
}
