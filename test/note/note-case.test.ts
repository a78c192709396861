import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeLetterText } from '../../src/import/text/normalize.js';
import { caseFromNote } from '../../src/note/note-case.js';
import { noteText } from '../../src/note/note-sentences.js';
import { bundledRuleset, mtus, ROOT, tempFile } from '../helpers.js';
import { testServer } from '../serve/server.js';
import { minimalPdf } from './minimal-pdf.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'notes', name), 'utf8');

describe('the sentences of a note', () => {
  it('a heading, a field line and a list item are sentences of their own; the text is the normalised note', () => {
    const raw = 'PROGRESS REPORT\nDate of service: 03/14/2016\nDate of injury: 08/22/2013\n\nASSESSMENT:\n1. Lumbar radiculopathy\n2. Chronic pain syndrome\n\nPLAN: Refill Norco 10/325 mg #90.\nContinue home exercise.';
    const { text, sentences } = noteText(raw);
    expect(text).toBe(normalizeLetterText(raw));
    expect(sentences.map((s) => s.text)).toEqual([
      'PROGRESS REPORT', 'Date of service: 03/14/2016', 'Date of injury: 08/22/2013', 'ASSESSMENT:', 'Lumbar radiculopathy', 'Chronic pain syndrome',
      'PLAN: Refill Norco 10/325 mg #90.', 'Continue home exercise.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.filter((s) => s.inPlan).map((s) => s.text)).toEqual(['PLAN: Refill Norco 10/325 mg #90.', 'Continue home exercise.']);
  });

  it('prose wrapped over lines stays one sentence', () => {
    const { sentences } = noteText('He has been taking Norco 10/325 mg three times a day\nsince 06/01/2014 with relief of his pain.');
    expect(sentences).toHaveLength(1);
  });
});

describe('a case from a note', () => {
  it('what the plan orders is not read as care already given', () => {
    const made = caseFromNote({ requests: ['Physical therapy for the right knee 2 times a week for 6 weeks'], note: fixture('knee-pt.txt') }, bundledRuleset().catalog);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.kase.treatments?.map((t) => t.treatment)).toEqual(['naproxen']);
    expect(made.kase.dates).toMatchObject({ injury: '2016-07-01', request: '2016-09-12' });
    expect(made.kase.items[0]).toMatchObject({ treatment: 'physical_therapy', body_region: ['knee'] });
    expect(made.kase.items[0]!.actual).toBeUndefined();
  });

  it('an empty note is an error; no request is an error', () => {
    const catalog = bundledRuleset().catalog;
    expect(caseFromNote({ requests: ['Norco'], note: '  \n ' }, catalog)).toMatchObject({ ok: false, error: expect.stringMatching(/no text/) });
    expect(caseFromNote({ requests: [' '], note: 'Back pain.' }, catalog)).toMatchObject({ ok: false, error: expect.stringMatching(/no request/) });
  });
});

describe('a note as a PDF', () => {
  const lines = ['PROGRESS REPORT', 'Date of service: 04/11/2016', 'Date of injury: 04/04/2016', 'The patient is a 29-year-old male stocker with low back pain.', 'He has been taking ibuprofen 600 mg three times a day since 04/05/2016 with some relief.', 'Examination shows paraspinal muscle spasm.', 'Assessment: Lumbar strain with muscle spasm.', 'Plan: Start cyclobenzaprine 10 mg at bedtime, #10.'];

  it('mtus check --note reads it as it reads the text', () => {
    const pdf = tempFile('note.pdf', '');
    writeFileSync(pdf, minimalPdf(lines));
    const out = JSON.parse(mtus(['check', '--request', 'Cyclobenzaprine 10 mg #10', '--note', pdf, '--json']).stdout);
    expect(out.extracted.case.dates).toMatchObject({ injury: '2016-04-04', request: '2016-04-11' });
    expect(out.extracted.case.conditions).toContain('sprain_strain');
    expect(out.extracted.case.findings).toContain('palpable_spasm');
    expect(out.items[0].prediction).toBe('overturned');
    const fromText = caseFromNote({ requests: ['Cyclobenzaprine 10 mg #10'], note: lines.join('\n') }, bundledRuleset().catalog);
    if (!fromText.ok) throw new Error(fromText.error);
    const { id: _a, source: _b, ...pdfCase } = out.extracted.case;
    const { id: _c, source: _d, ...textCase } = fromText.kase;
    expect(pdfCase).toEqual(textCase);
  });

  it('POST /api/extract takes it base64-encoded', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { request: 'Cyclobenzaprine 10 mg #10', pdf: minimalPdf(lines).toString('base64') } });
    expect(res.statusCode).toBe(200);
    expect(res.json().case.patient).toEqual({ age: 29, sex: 'male' });
  });
});
