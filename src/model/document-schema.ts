/**
 * The guideline document registry (rules/documents.yaml): every document a rule cites, with the
 * names rules and letters write it by and the dates it was in force, each date with its source.
 * A rule's `source.document` names a registry document; its window must lie inside the document's.
 */
import { z } from 'zod';

const isoDate = z.iso.date().describe('a date, YYYY-MM-DD');

/** Where a date comes from: the regulation or order that set it, and whether its wording was checked. */
export const DateSource = z.strictObject({
  cite: z.string().min(1).describe('e.g. 8 CCR 9792.23 (evidence-based update effective for services on or after 2017-12-01)'),
  url: z.string().optional().describe('a public copy the date was checked against'),
  verified: z.boolean().describe('true only when the date was checked against the named public copy'),
});
export type DateSource = z.infer<typeof DateSource>;

/** One period a document (or one of its editions) was in force. */
export const InForcePeriod = z.strictObject({
  edition: z.string().min(1).optional().describe('the edition in force in this period, as rules write it; omit when the document has one'),
  from: isoDate.describe('first date of service the document applies to'),
  to: isoDate.optional().describe('last date; open while it is still in force'),
  from_source: DateSource,
  to_source: DateSource.optional(),
});
export type InForcePeriod = z.infer<typeof InForcePeriod>;

export const DOCUMENT_ROLES = ['mtus', 'non_mtus', 'formulary', 'regulation'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/**
 * The phase of care a guideline states it is written for, and where it says so. A document without
 * a scope applies whatever the phase. `acute` covers acute and subacute care (the body-part chapters:
 * symptoms of less than `boundary_weeks`); `chronic` is pain persisting beyond it.
 */
export const PHASES = ['acute', 'chronic'] as const;
export type Phase = (typeof PHASES)[number];

export const PhaseScope = z.strictObject({
  phase: z.enum(PHASES).describe('acute (acute and subacute care) or chronic'),
  boundary_weeks: z.number().positive().describe('weeks of symptoms (from the injury) that separate acute and subacute care from chronic pain, as the document states it'),
  exclusive: z.boolean().describe('true when the document says it applies only in its phase (it yields to any other rule out of it); false when it is written for its phase but still speaks out of it where no MTUS guideline for that phase does'),
  source: DateSource.describe('where the document states its scope'),
  quote: z.string().optional().describe('the document\'s own words'),
});
export type PhaseScope = z.infer<typeof PhaseScope>;

export const GuidelineDocument = z.strictObject({
  name: z.string().min(1).describe('the canonical name rules cite in source.document'),
  aliases: z.array(z.string().min(1)).optional().describe('other names rules and letters write it by'),
  role: z.enum(DOCUMENT_ROLES).describe('mtus: part of the MTUS; non_mtus: a reference the tool uses where the MTUS is silent; formulary: the MTUS Drug Formulary; regulation: a regulation or federal document'),
  regulation: z.string().optional().describe('the section that adopts it, e.g. 8 CCR 9792.24.2'),
  encoded: z.boolean().describe('false when the tool has no rules from it (licensed text, or not encoded yet)'),
  in_force: z.array(InForcePeriod).min(1).describe('for MTUS documents the dates in force in the MTUS; for non-MTUS references the dates the tool uses them'),
  why_not_encoded: z.string().optional().describe('for documents the tool has no rules from: why'),
  scope: PhaseScope.optional().describe('the phase of care the document is written for; absent: every phase'),
  notes: z.string().optional(),
});
export type GuidelineDocument = z.infer<typeof GuidelineDocument>;

export const DocumentRegistryFile = z.strictObject({
  $schema: z.string().optional(),
  documents: z.array(GuidelineDocument).min(1),
});
export type DocumentRegistryFile = z.infer<typeof DocumentRegistryFile>;
