/**
 * CDS Hooks 2.0: `GET /cds-services` (discovery) and `POST /cds-services/{id}` for order-sign and
 * order-select. The draft orders (MedicationRequest, ServiceRequest, DeviceRequest) become the
 * items of a case and the prefetched Patient, Condition, Procedure and MedicationStatement its
 * record; each item is judged as of its order's `authoredOn` (today when absent). No FHIR server
 * is ever called: what prefetch does not give stays undocumented.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Bundle, Patient } from 'fhir/r4.js';
import type { Case } from '../../model/case-schema.js';
import { caseFromNote } from '../../note/note-case.js';
import type { Checker } from '../checker.js';
import { ProblemError, problemType } from '../problem.js';
import { cdsRequestSchema } from '../schemas.js';
import { cardFor, type Card } from './cards.js';
import { draftOrdersOf, fhirNote, prefetchResources } from './fhir-note.js';

const PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  procedures: 'Procedure?patient={{context.patientId}}',
  medications: 'MedicationStatement?patient={{context.patientId}}',
};

export const CDS_SERVICES = [
  {
    hook: 'order-sign',
    id: 'mtus-imr-order-sign',
    title: 'California IMR outcome (MTUS/ODG) before signing',
    description: 'Predicts whether Independent Medical Review would uphold a utilization-review denial of each order, with the deciding guideline criterion and the documentation that would change it.',
    prefetch: PREFETCH,
  },
  {
    hook: 'order-select',
    id: 'mtus-imr-order-select',
    title: 'California IMR outcome (MTUS/ODG) on selecting an order',
    description: 'The same prediction for the orders just selected, while their details are still being filled in.',
    prefetch: PREFETCH,
  },
] as const;

interface HookRequest {
  hook: 'order-sign' | 'order-select';
  hookInstance: string;
  context: { userId: string; patientId: string; encounterId?: string; selections?: string[]; draftOrders: Bundle };
  prefetch?: Record<string, unknown>;
}

export function registerCdsRoutes(app: FastifyInstance, checker: Checker): void {
  app.get('/cds-services', { schema: { summary: 'CDS Hooks discovery' } }, async () => ({ services: CDS_SERVICES }));

  app.post<{ Params: { id: string }; Body: HookRequest }>('/cds-services/:id', {
    bodyLimit: 2 * 1024 * 1024,
    schema: { summary: 'CDS Hooks service call (order-sign, order-select): cards predicting the IMR outcome of each order', body: cdsRequestSchema },
  }, async (request) => {
    const service = CDS_SERVICES.find((s) => s.id === request.params.id);
    if (!service) throw new ProblemError({ type: problemType('no-such-service'), title: 'Not Found', status: 404, detail: `no CDS service '${request.params.id}'` });
    if (request.body.hook !== service.hook) {
      throw new ProblemError({ type: problemType('wrong-hook'), title: 'Bad Request', status: 400, detail: `service ${service.id} answers the ${service.hook} hook, not ${request.body.hook}` });
    }
    return { cards: await cards(checker, request.body, baseUrl(request)) };
  });
}

async function cards(checker: Checker, body: HookRequest, base: string): Promise<Card[]> {
  const orders = draftOrdersOf(body.context.draftOrders, body.hook === 'order-select' ? body.context.selections : undefined);
  if (orders.length === 0) return [];
  const record = fhirNote(orders, prefetchResources(body.prefetch));
  const made = caseFromNote({ requests: record.requests.map((r) => r.line), note: record.note, id: `patient-${body.context.patientId}`, source: 'CDS Hooks request', allowEmpty: true }, checker.ruleset.catalog);
  if (!made.ok) throw new ProblemError({ type: problemType('unreadable-orders'), title: 'Unprocessable Content', status: 422, detail: made.error });
  const kase = made.kase;
  const today = new Date().toISOString().slice(0, 10);
  // The order's own date decides the edition in force; the record's visit dates do not.
  if (kase.dates) delete kase.dates.request;
  kase.items.forEach((item, i) => (item.request_date = record.requests[i]!.authoredOn ?? today));
  setPatient(kase, record.patient, kase.items[0]!.request_date!);
  const result = await checker.check(checker.validCase(kase));
  return result.items.map((item) => cardFor(item, base));
}

function setPatient(kase: Case, patient: Patient | undefined, at: string): void {
  if (!patient) return;
  const sex = patient.gender === 'male' || patient.gender === 'female' ? patient.gender : undefined;
  const age = patient.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(patient.birthDate) ? yearsBetween(patient.birthDate, at) : undefined;
  if (sex === undefined && age === undefined) return;
  kase.patient = { ...(age !== undefined ? { age } : {}), ...(sex ? { sex } : {}) };
  const who = `Patient/${patient.id ?? ''}`;
  kase.evidence = [
    ...(kase.evidence ?? []).filter((e) => !e.path.startsWith('patient.')),
    ...(age !== undefined ? [{ path: 'patient.age', text: `${who}: birthDate ${patient.birthDate}` }] : []),
    ...(sex ? [{ path: 'patient.sex', text: `${who}: gender ${sex}` }] : []),
  ];
}

function yearsBetween(birth: string, at: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = at.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
