/**
 * The JSON API: check a case, extract a case from a note or a letter, the ruleset, the facts, a
 * regress run over the bundled cases. Bodies are checked against their schemas first; what the
 * schema cannot say (catalog tags) is checked next; both answer problem documents.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {} from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { agreementFileFrom, type AgreementFile } from '../advice/agreement.js';
import { todayIso } from '../facts/dates.js';
import { FACTS } from '../facts/registry.js';
import { answerFormulary } from '../formulary/index.js';
import { importLetterText } from '../import/import-letter.js';
import { pdfToText } from '../import/text/pdf-text.js';
import { normalizeLetterText } from '../import/text/normalize.js';
import type { Case } from '../model/case-schema.js';
import { noteFacts } from '../note/facts-text.js';
import { caseFromNote } from '../note/note-case.js';
import { formatCitation } from '../predict/citation.js';
import { runRegress } from '../regress/run-regress.js';
import { factsReporter, rulesTable } from '../report/rules-report.js';
import { editionsOf } from '../ruleset/editions.js';
import type { Checker } from './checker.js';
import { ProblemError, problemType } from './problem.js';
import { caseBodySchema, checkQuerySchema, extractBodySchema, formularyQuerySchema, MAX_PDF_BASE64, type FormularyQuery } from './schemas.js';

interface ExtractBody {
  request?: string | string[];
  note?: string;
  pdf?: string;
  letter?: string;
  injury_date?: string;
  date?: string;
}

const problemRef = { description: 'RFC 9457 problem document', type: 'object', additionalProperties: true } as const;

export function registerApiRoutes(app: FastifyInstance, checker: Checker, casesDir: string): void {
  const { ruleset } = checker;

  app.post<{ Body: Case; Querystring: { as_of?: string; item?: string } }>('/api/check', {
    bodyLimit: 512 * 1024,
    schema: {
      summary: 'Predict each disputed item of a case: the same JSON as `mtus check --json`',
      body: caseBodySchema(),
      querystring: checkQuerySchema,
      response: { 400: problemRef, 422: problemRef },
    },
  }, async (request) => {
    const kase = checker.validCase(request.body);
    return checker.check(kase, { ...(request.query.as_of ? { asOf: request.query.as_of } : {}), ...(request.query.item ? { item: Number(request.query.item) } : {}) });
  });

  app.post<{ Body: ExtractBody }>('/api/extract', {
    bodyLimit: MAX_PDF_BASE64 + 64 * 1024,
    schema: {
      summary: 'Read a case from request lines and a clinical note (text or PDF), or from an IMR letter; every fact with its sentence',
      body: extractBodySchema,
      response: { 400: problemRef, 422: problemRef },
    },
  }, async (request) => {
    const b = request.body;
    if (b.letter !== undefined) {
      const imported = importLetterText(b.letter, 'letter', ruleset.catalog);
      if (!imported.ok) throw unreadable(imported.error.replace(/^letter: /, ''));
      return extracted(imported.kase, normalizeLetterText(b.letter), imported.notices);
    }
    const note = b.note ?? (await pdfText(b.pdf!));
    const made = caseFromNote({
      requests: Array.isArray(b.request) ? b.request : [b.request!], note,
      ...(b.injury_date ? { injuryDate: b.injury_date } : {}), ...(b.date ? { requestDate: b.date } : {}),
    }, ruleset.catalog);
    if (!made.ok) throw unreadable(made.error);
    return extracted(made.kase, made.text, made.notices, made.noteLength);
  });

  app.get('/api/rules', { schema: { summary: 'The ruleset: each rule, its citations and its historical agreement' } }, async () => {
    const a = checker.agreement;
    const last = a ? { revision: a.revision, date: a.date, inputs: a.inputs, rules: [...a.rules.values()] } : undefined;
    return { ...rulesTable(ruleset.rules, ruleset.revision, last), agreement_source: a?.source ?? null };
  });

  app.get<{ Params: { id: string } }>('/api/rules/:id', {
    schema: { summary: 'One rule: its citations, criteria and notes', params: { type: 'object', properties: { id: { type: 'string', pattern: '^[a-z0-9-]+$' } } } },
  }, async (request) => {
    const c = ruleset.rules.find((r) => r.rule.id === request.params.id);
    if (!c) throw new ProblemError({ type: problemType('no-such-rule'), title: 'Not Found', status: 404, detail: `no rule '${request.params.id}'` });
    const { examples: _examples, ...rule } = c.rule;
    return { ...rule, citations: editionsOf(c.rule).map((e) => ({ citation: formatCitation(e.source), ...e.effective, url: e.source.url ?? null })) };
  });

  app.get('/api/facts', { schema: { summary: 'The facts rule criteria can compare' } }, async () =>
    factsReporter.json([...FACTS.values()].sort((a, b) => a.name.localeCompare(b.name))),
  );

  // A regress run over the bundled cases, once per server: the page's confusion matrix and chart.
  let run: Promise<AgreementFile> | undefined;
  app.get('/api/regress', { schema: { summary: 'A regress run of the bundled cases: confusion matrix, balanced accuracy, per-rule agreement' } }, async () => {
    if (!existsSync(casesDir)) throw new ProblemError({ title: 'Not Found', status: 404, detail: 'the bundled cases are not installed' });
    run ??= runRegress(ruleset, [casesDir], { workers: 1, keepPredictions: false }).then(({ report }) => agreementFileFrom(report, ['cases']));
    return run;
  });

  // The same answer as `mtus formulary DRUG --json`, its options as query parameters.
  app.get<{ Params: { drug: string }; Querystring: FormularyQuery }>('/api/formulary/:drug', {
    schema: {
      summary: 'Whether a drug needs prospective review under the MTUS Drug Formulary, and why: the same JSON as `mtus formulary DRUG --json`',
      params: { type: 'object', properties: { drug: { type: 'string', minLength: 1, maxLength: 200 } } },
      querystring: formularyQuerySchema,
      response: { 400: problemRef },
    },
  }, async (request) => {
    const q = request.query;
    const yes = (v: 'true' | 'false' | undefined) => v === 'true';
    return answerFormulary({
      drug: request.params.drug,
      date: q.date ?? todayIso(),
      ...(q.injury ? { injury: q.injury } : {}),
      ...(q.surgery ? { surgery: q.surgery } : {}),
      ...(q.days ? { days: Number(q.days) } : {}),
      ...(q.brand ? { brand: yes(q.brand) } : {}),
      ...(yes(q.compound) ? { compound: true } : {}),
      ...(yes(q.physician_dispensed) ? { physicianDispensed: true } : {}),
      ...(yes(q.initial_visit) ? { initialVisit: true } : {}),
      ...(yes(q.off_label) ? { offLabel: true } : {}),
    });
  });

  function extracted(kase: Case, text: string, notices: string[], noteLength = text.length) {
    return { case: kase, text, note_length: noteLength, facts: noteFacts(kase), notices };
  }
}

async function pdfText(base64: string): Promise<string> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw unreadable('the pdf field is not a base64-encoded PDF');
  try {
    return await pdfToText(bytes);
  } catch {
    throw unreadable('the PDF cannot be read');
  }
}

function unreadable(detail: string): ProblemError {
  return new ProblemError({ type: problemType('unreadable-input'), title: 'The input cannot be read into a case', status: 422, detail });
}

export function bundledCasesDir(root: string): string {
  return join(root, 'cases');
}
