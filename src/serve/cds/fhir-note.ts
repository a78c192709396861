/**
 * FHIR R4 resources read as a clinical note: the orders in `draftOrders` become request lines,
 * and the patient's conditions, procedures and medications from prefetch become one plain
 * sentence each, written the way a progress note states them. The note then goes through the
 * same extraction as any note, so each fact keeps the sentence (and so the resource) it came from.
 */
import type {
  Bundle, CodeableConcept, Condition, DeviceRequest, Dosage, FhirResource, MedicationRequest,
  MedicationStatement, Patient, Procedure, ServiceRequest,
} from 'fhir/r4.js';

export type DraftOrder = MedicationRequest | ServiceRequest | DeviceRequest;

export interface FhirNote {
  /** one per order, as the request line of an item */
  requests: { order: DraftOrder; line: string; authoredOn: string | undefined }[];
  /** sentences from Condition, Procedure and MedicationStatement resources */
  note: string;
  patient: Patient | undefined;
}

const ORDER_TYPES = new Set(['MedicationRequest', 'ServiceRequest', 'DeviceRequest']);

/** The orders of a draftOrders bundle (only the selected ones, when selections are given). */
export function draftOrdersOf(bundle: Bundle, selections?: readonly string[]): DraftOrder[] {
  const orders = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is DraftOrder => r !== undefined && ORDER_TYPES.has(r.resourceType));
  if (!selections || selections.length === 0) return orders;
  const wanted = new Set(selections);
  return orders.filter((o) => wanted.has(`${o.resourceType}/${o.id ?? ''}`));
}

/** Every resource of the prefetch values: a resource itself, or a search-result Bundle's entries. */
export function prefetchResources(prefetch: Record<string, unknown> | undefined): FhirResource[] {
  const out: FhirResource[] = [];
  for (const value of Object.values(prefetch ?? {})) {
    const r = value as FhirResource | null;
    if (!r || typeof r !== 'object') continue;
    if (r.resourceType === 'Bundle') out.push(...(r.entry ?? []).flatMap((e) => (e.resource ? [e.resource as FhirResource] : [])));
    else out.push(r);
  }
  return out;
}

export function fhirNote(orders: readonly DraftOrder[], resources: readonly FhirResource[]): FhirNote {
  const sentences: string[] = [];
  for (const r of resources) {
    const s = r.resourceType === 'Condition' ? conditionSentence(r)
      : r.resourceType === 'Procedure' ? procedureSentence(r)
      : r.resourceType === 'MedicationStatement' ? medicationSentence(r)
      : undefined;
    if (s) sentences.push(s);
  }
  return {
    requests: orders.map((order) => ({ order, line: requestLine(order), authoredOn: authoredOn(order) })),
    note: sentences.join('\n'),
    patient: resources.find((r): r is Patient => r.resourceType === 'Patient'),
  };
}

export function requestLine(order: DraftOrder): string {
  switch (order.resourceType) {
    case 'MedicationRequest': {
      const name = conceptText(order.medicationCodeableConcept) ?? order.medicationReference?.display ?? 'medication';
      const qty = order.dispenseRequest?.quantity?.value;
      const dosage = dosageText(order.dosageInstruction?.[0]);
      return [name, qty !== undefined ? `#${qty}` : undefined, dosage].filter(Boolean).join(' ');
    }
    case 'ServiceRequest': {
      const name = conceptText(order.code) ?? 'service';
      const site = order.bodySite?.map(conceptText).filter(Boolean).join(' and ');
      const qty = order.quantityQuantity?.value;
      return [name, site && !name.toLowerCase().includes(site.toLowerCase()) ? `of the ${site}` : undefined, qty !== undefined ? `x${qty}` : undefined].filter(Boolean).join(' ');
    }
    case 'DeviceRequest':
      return conceptText(order.codeCodeableConcept) ?? order.codeReference?.display ?? 'device';
  }
}

function authoredOn(order: DraftOrder): string | undefined {
  return order.authoredOn?.slice(0, 10);
}

/** "TID", "every 8 hours", or the dosage's own text. */
function dosageText(d: Dosage | undefined): string | undefined {
  if (!d) return undefined;
  const r = d.timing?.repeat;
  if (r?.frequency !== undefined && r.period !== undefined && r.periodUnit) {
    if (r.periodUnit === 'd' && r.period === 1) return ({ 1: 'daily', 2: 'BID', 3: 'TID', 4: 'QID' } as Record<number, string>)[r.frequency] ?? `${r.frequency} times a day`;
    if (r.periodUnit === 'h' && r.frequency === 1) return `every ${r.period} hours`;
  }
  return d.timing?.code?.text ?? d.text;
}

function conceptText(c: CodeableConcept | undefined): string | undefined {
  return c?.text ?? c?.coding?.find((x) => x.display)?.display;
}

/** MM/DD/YYYY, the way notes write dates. */
function usDate(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[2]}/${m[3]}/${m[1]}` : undefined;
}

function conditionSentence(c: Condition): string | undefined {
  const name = conceptText(c.code);
  if (!name) return undefined;
  const verification = c.verificationStatus?.coding?.[0]?.code;
  if (verification === 'refuted' || verification === 'entered-in-error') return verification === 'refuted' ? `The patient does not have ${name}.` : undefined;
  const clinical = c.clinicalStatus?.coding?.[0]?.code;
  if (clinical === 'resolved' || clinical === 'inactive' || clinical === 'remission') return `History of ${name}, ${clinical}.`;
  return `Diagnosis: ${name}.`;
}

function procedureSentence(p: Procedure): string | undefined {
  const name = conceptText(p.code);
  if (!name) return undefined;
  const site = p.bodySite?.map(conceptText).filter(Boolean).join(' and ');
  const where = site && !name.toLowerCase().includes(site.toLowerCase()) ? ` of the ${site}` : '';
  const when = usDate(p.performedDateTime ?? p.performedPeriod?.start);
  if (p.status === 'not-done') return `${name}${where} was not performed.`;
  if (p.status !== 'completed' && p.status !== undefined) return undefined;
  return `The patient underwent ${name}${where}${when ? ` on ${when}` : ''}.`;
}

function medicationSentence(m: MedicationStatement): string | undefined {
  const name = conceptText(m.medicationCodeableConcept) ?? m.medicationReference?.display;
  if (!name) return undefined;
  const start = usDate(m.effectivePeriod?.start ?? m.effectiveDateTime);
  const end = usDate(m.effectivePeriod?.end);
  switch (m.status) {
    case 'active':
    case 'intended':
      return `The patient has been taking ${name}${start ? ` since ${start}` : ''}.`;
    case 'completed':
    case 'stopped':
      return `${name} was discontinued${end ? ` on ${end}` : ''}.`;
    case 'not-taken':
      return `The patient has not taken ${name}.`;
    default:
      return undefined;
  }
}
