import type { Bundle, DeviceRequest, FhirResource, MedicationRequest, ServiceRequest } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import { testServer } from './server.js';

const cyclobenzaprine90: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr-1',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn: '2016-06-01',
  medicationCodeableConcept: { text: 'Cyclobenzaprine 10 mg tablet', coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '197362', display: 'cyclobenzaprine hydrochloride 10 MG Oral Tablet' }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } } }],
  dispenseRequest: { quantity: { value: 90, unit: 'tablet' } },
};

const lumbarMri: ServiceRequest = {
  resourceType: 'ServiceRequest',
  id: 'sr-1',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn: '2016-06-01',
  code: { text: 'MRI of the lumbar spine' },
};

const tens: DeviceRequest = {
  resourceType: 'DeviceRequest',
  id: 'dr-1',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  codeCodeableConcept: { text: 'TENS unit purchase' },
};

const bundle = (...resources: FhirResource[]): Bundle => ({ resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) });

const prefetch = {
  patient: { resourceType: 'Patient', id: 'p1', gender: 'male', birthDate: '1970-03-02' },
  conditions: bundle(
    { resourceType: 'Condition', subject: { reference: 'Patient/p1' }, code: { text: 'chronic low back pain' }, clinicalStatus: { coding: [{ code: 'active' }] } },
    { resourceType: 'Condition', subject: { reference: 'Patient/p1' }, code: { text: 'lumbar sprain' }, clinicalStatus: { coding: [{ code: 'active' }] } },
  ),
  medications: bundle(
    { resourceType: 'MedicationStatement', status: 'active', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'naproxen 550 mg' }, effectivePeriod: { start: '2015-11-02' } },
  ),
  procedures: bundle(),
};

const onCyclobenzaprineSinceJanuary = {
  ...prefetch,
  medications: bundle(
    ...prefetch.medications.entry!.map((e) => e.resource as FhirResource),
    { resourceType: 'MedicationStatement', status: 'active', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'cyclobenzaprine 10 mg' }, effectivePeriod: { start: '2016-01-04' } },
  ),
};

function hookRequest(hook: string, orders: FhirResource[], extra: Record<string, unknown> = {}, record: Record<string, unknown> = prefetch) {
  return { hook, hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea', context: { userId: 'Practitioner/example', patientId: 'p1', draftOrders: bundle(...orders), ...extra }, prefetch: record };
}

describe('CDS Hooks', () => {
  it('GET /cds-services lists an order-sign and an order-select service with their prefetch', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    const { services } = res.json();
    expect(services.map((s: { hook: string }) => s.hook).sort()).toEqual(['order-select', 'order-sign']);
    for (const s of services) {
      expect(s).toMatchObject({ id: expect.any(String), description: expect.any(String) });
      expect(s.prefetch.patient).toBe('Patient/{{context.patientId}}');
    }
  });

  it('order-sign, cyclobenzaprine #90: a card predicting upheld, with the short-course criterion', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: hookRequest('order-sign', [cyclobenzaprine90]) });
    expect(res.statusCode).toBe(200);
    const { cards } = res.json();
    expect(cards).toHaveLength(1);
    const card = cards[0];
    expect(card.summary.length).toBeLessThan(140);
    expect(card.summary).toMatch(/uphold/);
    expect(card.indicator).toBe('warning');
    expect(card.source.label).toMatch(/mtus-rules/);
    expect(card.detail).toMatch(/\*\*Predicted IMR outcome:\*\* upheld/);
    expect(card.detail).toMatch(/short course \(no longer than 2-3 weeks\)/);
    expect(card.detail).toMatch(/\*MTUS Chronic Pain Medical Treatment Guidelines \(2009\), Cyclobenzaprine \(Flexeril\).*, pp\. \d/);
    expect(card.detail).toMatch(/a supply of 21 days or fewer/);
    expect(card.links[0]).toMatchObject({ type: 'absolute', url: expect.stringMatching(/\/api\/rules\/cpmtg-cyclobenzaprine$/) });
  });

  it('a refill of cyclobenzaprine taken since January: the chronic-use criterion decides, and nothing documented would change it', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: hookRequest('order-sign', [cyclobenzaprine90], {}, onCyclobenzaprineSinceJanuary) });
    const card = res.json().cards[0];
    expect(card.detail).toMatch(/\*\*Decisive criterion\*\* \(not met\): Not for chronic use/);
    expect(card.detail).toMatch(/none would change this/);
  });

  it('order-select, a muscle relaxant among other draft orders: only the selected order gets a card', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-select', payload: hookRequest('order-select', [cyclobenzaprine90, lumbarMri], { selections: ['MedicationRequest/mr-1'] }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().cards).toHaveLength(1);
    expect(res.json().cards[0].summary).toMatch(/Cyclobenzaprine/);
  });

  it('a ServiceRequest for a lumbar MRI: judged by the low-back imaging rule, with what to document', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: hookRequest('order-sign', [lumbarMri]) });
    expect(res.statusCode).toBe(200);
    const card = res.json().cards[0];
    expect(card.summary).toMatch(/MRI of the lumbar spine/);
    expect(card.links[0].url).toMatch(/\/api\/rules\/acoem-low-back-imaging$/);
    expect(card.detail).toMatch(/\*\*Documentation needed:\*\*\n- either a red flag/);
  });

  it('a DeviceRequest without authoredOn is judged as of today', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: hookRequest('order-sign', [tens]) });
    expect(res.statusCode).toBe(200);
    expect(res.json().cards[0].summary).toMatch(/TENS unit purchase/);
  });

  it('malformed requests: 400 problem documents', async () => {
    const app = await testServer();
    const noContext = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: { hook: 'order-sign', hookInstance: 'x' } });
    expect(noContext.statusCode).toBe(400);
    expect(noContext.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(noContext.json().errors[0].pointer).toBe('/context');
    const notJson = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', headers: { 'content-type': 'application/json' }, payload: '{"hook":' });
    expect(notJson.statusCode).toBe(400);
    const wrongHook = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: hookRequest('order-select', [cyclobenzaprine90]) });
    expect(wrongHook.statusCode).toBe(400);
    const notABundle = await app.inject({ method: 'POST', url: '/cds-services/mtus-imr-order-sign', payload: { ...hookRequest('order-sign', []), context: { userId: 'Practitioner/1', patientId: 'p1', draftOrders: { resourceType: 'Patient' } } } });
    expect(notABundle.statusCode).toBe(400);
    const unknown = await app.inject({ method: 'POST', url: '/cds-services/no-such-service', payload: hookRequest('order-sign', [cyclobenzaprine90]) });
    expect(unknown.statusCode).toBe(404);
  });
});
