/** JSON Schemas of the request bodies and queries, checked by Fastify before a handler runs. */
import { jsonSchema } from '../schema/json-schema.js';

const isoDate = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;

/** The case format (rules/schema/case.schema.json), as a body schema. */
export function caseBodySchema(): Record<string, unknown> {
  const { $schema: _draft, title: _title, ...schema } = jsonSchema('cases');
  return { ...schema, description: 'a case, as in cases/**/*.yaml (schema rules/schema/case.schema.json)' };
}

export const checkQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    as_of: { ...isoDate, description: 'judge the request as of this date (the guideline edition in force)' },
    // Query values are strings: the body's validator does not coerce types, so neither does this.
    item: { type: 'string', pattern: '^[1-9][0-9]{0,3}$', description: 'only this item (1-based)' },
  },
} as const;

export const MAX_NOTE_CHARS = 200_000;
/** A PDF of about 3.5 MB, base64-encoded. */
export const MAX_PDF_BASE64 = 5_000_000;

export const extractBodySchema = {
  type: 'object',
  additionalProperties: false,
  description: 'request lines with a clinical note (text, or a PDF in base64), or an IMR determination letter',
  properties: {
    request: {
      anyOf: [
        { type: 'string', minLength: 1, maxLength: 500 },
        { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 } },
      ],
      description: 'the treatment requested, as written ("Norco 10/325 #90"); several for several items',
    },
    note: { type: 'string', minLength: 1, maxLength: MAX_NOTE_CHARS, description: 'the clinical note as plain text' },
    pdf: { type: 'string', minLength: 8, maxLength: MAX_PDF_BASE64, contentEncoding: 'base64', description: 'the clinical note as a PDF, base64-encoded' },
    letter: { type: 'string', minLength: 1, maxLength: MAX_NOTE_CHARS, description: 'an IMR final determination letter as text (its requests are read from it)' },
    injury_date: { ...isoDate, description: 'the date of injury, when the note does not give it' },
    date: { ...isoDate, description: 'the date of the request (default: the note\'s, else today)' },
  },
  anyOf: [{ required: ['request', 'note'] }, { required: ['request', 'pdf'] }, { required: ['letter'] }],
} as const;

const resourceList = { type: 'array', maxItems: 500, items: { type: 'object', required: ['resource'], properties: { resource: { type: 'object', required: ['resourceType'], properties: { resourceType: { type: 'string' } } } } } } as const;

/** A CDS Hooks 2.0 service request for order-sign or order-select. */
export const cdsRequestSchema = {
  type: 'object',
  required: ['hook', 'hookInstance', 'context'],
  properties: {
    hook: { type: 'string', enum: ['order-sign', 'order-select'] },
    hookInstance: { type: 'string', minLength: 1 },
    fhirServer: { type: 'string' },
    fhirAuthorization: { type: 'object' },
    context: {
      type: 'object',
      required: ['userId', 'patientId', 'draftOrders'],
      properties: {
        userId: { type: 'string' },
        patientId: { type: 'string' },
        encounterId: { type: 'string' },
        selections: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}$' } },
        draftOrders: {
          type: 'object',
          required: ['resourceType'],
          properties: { resourceType: { const: 'Bundle' }, entry: resourceList },
        },
      },
    },
    prefetch: { type: 'object', additionalProperties: { anyOf: [{ type: 'object' }, { type: 'null' }] } },
  },
} as const;

const flag = (description: string) => ({ type: 'string', enum: ['true', 'false'], description });

/** `GET /api/formulary/:drug`: the facts `mtus formulary` takes as options, as query parameters. */
export const formularyQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: { ...isoDate, description: 'date of service: when it is prescribed or dispensed (default: today)' },
    injury: { ...isoDate, description: 'date of injury (Special Fill, physician dispensing)' },
    surgery: { ...isoDate, description: 'date of surgery (Perioperative Fill)' },
    days: { type: 'string', pattern: '^[1-9][0-9]{0,3}$', description: 'days of supply' },
    brand: flag('a brand-name product (read from the name when not given)'),
    compound: flag('a compounded drug'),
    physician_dispensed: flag('dispensed by the physician rather than a pharmacy'),
    initial_visit: flag('prescribed at the single initial treatment visit after the injury'),
    off_label: flag('for an off-label use'),
  },
} as const;

export interface FormularyQuery {
  date?: string;
  injury?: string;
  surgery?: string;
  days?: string;
  brand?: 'true' | 'false';
  compound?: 'true' | 'false';
  physician_dispensed?: 'true' | 'false';
  initial_visit?: 'true' | 'false';
  off_label?: 'true' | 'false';
}
