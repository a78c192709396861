/**
 * Must-show 3: a letter's PDF and its text give the same case: same items, outcomes, citations
 * and facts. pdfjs-dist reads the PDF; both texts are normalised the same way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/case-schema.js';
import { importLetterFile } from '../../src/import/import-letter.js';
import { readLetterText } from '../../src/import/text/letter-text.js';
import { pdfToText } from '../../src/import/text/pdf-text.js';
import { bundledRuleset } from '../helpers.js';
import { DWC_DIR, letterFiles } from './corpus.js';

/** The case without where it came from: the file name and the evidence offsets. */
function facts(kase: Case): unknown {
  const { source: _source, evidence, ...rest } = kase;
  return { ...rest, evidence: evidence?.map(({ path, text }) => ({ path, text })) };
}

describe('PDF and text of the same letter', () => {
  const pdfs = letterFiles(DWC_DIR, '.pdf');

  it('all 97 PDFs import to the same case as their text', async () => {
    expect(pdfs).toHaveLength(97);
    const catalog = bundledRuleset().catalog;
    for (const pdf of pdfs) {
      const fromPdf = await importLetterFile(pdf, catalog);
      const fromText = await importLetterFile(pdf.replace(/\.pdf$/, '.txt'), catalog);
      if (!fromPdf.ok || !fromText.ok) throw new Error(`${pdf}: ${fromPdf.ok ? '' : fromPdf.error} ${fromText.ok ? '' : fromText.error}`);
      expect(facts(fromPdf.kase), pdf).toEqual(facts(fromText.kase));
      expect(fromPdf.kase.items.length).toBeGreaterThan(0);
    }
    // (Speed is measured by `npm run bench`, never asserted here.)
  });

  it('the PDF text equals the pdftotext text once normalised', async () => {
    for (const pdf of pdfs.slice(0, 5)) {
      expect((await readLetterText(pdf)).text).toBe((await readLetterText(pdf.replace(/\.pdf$/, '.txt'))).text);
    }
  });

  it('pdfToText accepts a Node Buffer and leaves the caller\'s bytes intact', async () => {
    const buf = readFileSync(pdfs[0]!);
    expect(await pdfToText(buf)).toContain('Case Number:');
    expect(buf.byteLength).toBeGreaterThan(0);
  });
});
