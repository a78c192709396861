/**
 * The rule format: one guideline recommendation, cited, dated, with its criteria as a readable
 * all/any/not tree of named criteria and with examples that run as tests.
 */
import { z } from 'zod';
import { BodyRegion, fromVocabulary, IDENTIFIER, KEBAB_ID, Outcome, PREDICTIONS, Route } from './vocabulary.js';
import { Case, DisputedItem } from './case-schema.js';

const isoDate = z.iso.date().describe('a date, YYYY-MM-DD');
const kebabId = z.string().regex(KEBAB_ID, 'a kebab-case id');
const identifier = z.string().regex(IDENTIFIER, 'a snake_case identifier');

/** A guideline citation: document, edition, section and pages. */
export const Source = z.strictObject({
  document: z.string().min(1).describe('e.g. MTUS Chronic Pain Medical Treatment Guidelines'),
  edition: z.string().min(1).describe('e.g. 2009, 2016, ACOEM 2nd ed. (2004)'),
  section: z.string().min(1),
  pages: z.string().optional().describe('e.g. 111-113'),
  quote: z.string().optional().describe('the guideline\'s own words for the recommendation'),
  url: z.string().optional(),
  verified: z.boolean().optional().describe('false when the quotation or page could not be checked against the text'),
});
export type Source = z.infer<typeof Source>;

const Effective = z.strictObject({
  from: isoDate.describe('first request date the edition applies to'),
  to: isoDate.optional().describe('last request date; open when the edition is still in force'),
});
export type Effective = z.infer<typeof Effective>;

/** A criterion may carry its own page when it sits elsewhere in the cited section. */
const CriterionCitation = z.strictObject({
  section: z.string().optional(),
  pages: z.string().optional(),
  verified: z.boolean().optional(),
});

const ScalarValue = z.union([z.string(), z.number(), z.boolean()]);
/** A criterion compares a fact with a constant or with another fact (`{ fact: name }`). */
const CriterionValue = z.union([ScalarValue, z.array(ScalarValue), z.strictObject({ fact: z.string().min(1) })]);

/**
 * What the guideline makes of a criterion. A `requirement` ("only if", "recommended for") must be
 * documented as met. A `condition` applies only in some cases ("if used beyond 3 weeks", "with
 * issues of abuse"): it is judged only when its `when` is documented as met, so silence about
 * the case it covers does not uphold. An `exclusion` ("not in patients with ...") fails the
 * request only when the records document the excluded circumstance; silence does not uphold.
 */
export const CRITERION_ROLES = ['requirement', 'condition', 'exclusion'] as const;
const role = z.enum(CRITERION_ROLES).optional().describe('requirement (default), condition (judged only when `when` is met) or exclusion (silence does not uphold)');

/** The reason code a failed or undocumented criterion stands for, when its fact's default (rules/reasons/reason-codes.yaml) does not fit. */
const reason = identifier.optional().describe('reason code (rules/reasons/reason-codes.yaml) when the default for the fact does not fit');

const named = {
  id: kebabId.describe('criterion id, unique within the rule'),
  text: z.string().min(1).describe('the criterion in the guideline\'s words'),
  cite: CriterionCitation.optional(),
  role,
  reason,
};

/** A leaf criterion: one comparison json-rules-engine evaluates. */
/** The case a condition covers (`role: condition`). A getter: the schema is recursive. */
const whenField = {
  get when(): z.ZodOptional<z.ZodType<CriterionNode>> {
    return CriterionNode.optional().describe('for role: condition, the case the criterion covers');
  },
};

export const LeafCriterion: z.ZodType<LeafCriterion> = z.strictObject({
  ...named,
  get when() {
    return whenField.when;
  },
  fact: z.string().min(1).meta(fromVocabulary('fact')).describe('a fact name from `mtus vocabulary facts`'),
  params: z.record(z.string(), ScalarValue).optional().describe('arguments of a parameterised fact'),
  operator: z.string().min(1).meta(fromVocabulary('operator')).describe('an operator that suits the fact\'s type (`mtus vocabulary operators`)'),
  value: CriterionValue,
  missing: z.string().optional().describe('what to document when the fact is absent (lint requires it)'),
}).meta(fromVocabulary('criterion'));
export interface LeafCriterion extends GroupFields {
  id: string;
  text: string;
  fact: string;
  params?: Record<string, string | number | boolean>;
  operator: string;
  value: z.infer<typeof CriterionValue>;
  missing?: string;
}

const optionalName = {
  id: kebabId.optional(),
  text: z.string().min(1).optional(),
  cite: CriterionCitation.optional(),
  role,
  reason,
};

/** Criteria combine as a tree; named groups are reported like leaves. */
export const AllCriterion = z.strictObject({
  ...optionalName,
  get when() {
    return whenField.when;
  },
  get all() {
    return z.array(CriterionNode).min(1);
  },
});
export const AnyCriterion = z.strictObject({
  ...optionalName,
  get when() {
    return whenField.when;
  },
  get any() {
    return z.array(CriterionNode).min(1);
  },
});
export const NotCriterion = z.strictObject({
  ...optionalName,
  get when() {
    return whenField.when;
  },
  get not() {
    return CriterionNode;
  },
});
/** A shared criterion (rules/shared/) used by reference, so cross-cutting principles are written once. */
export const UseCriterion = z.strictObject({ use: kebabId.describe('id of a shared criterion') });

export const CriterionNode: z.ZodType<CriterionNode> = z
  .union([LeafCriterion, AllCriterion, AnyCriterion, NotCriterion, UseCriterion])
  .meta({ id: 'criterion', description: 'a named comparison of a fact, an all/any/not group of criteria, or a shared criterion' });
export type CriterionRole = (typeof CRITERION_ROLES)[number];
interface GroupFields {
  id?: string;
  text?: string;
  cite?: z.infer<typeof CriterionCitation>;
  role?: CriterionRole;
  when?: CriterionNode;
  reason?: string;
}
export type CriterionNode =
  | LeafCriterion
  | (GroupFields & { all: CriterionNode[] })
  | (GroupFields & { any: CriterionNode[] })
  | (GroupFields & { not: CriterionNode })
  | { use: string };

const OutcomeMap = z.strictObject({
  met: Outcome.describe('outcome when the criteria are met'),
  not_met: Outcome.describe('outcome when a criterion fails'),
  not_documented: Outcome.describe('outcome when the records leave a criterion undocumented'),
});
export type OutcomeMap = z.infer<typeof OutcomeMap>;

/** The standard IMR reading: undocumented counts against the request. */
export { DEFAULT_OUTCOMES } from './outcomes.js';

const ExampleCase = Case.omit({ items: true, id: true, source: true }).partial().extend({
  id: z.string().optional(),
  source: z.string().optional(),
});

export const RuleExample = z.strictObject({
  name: z.string().min(1),
  from: z.string().optional().describe('the letter this example is drawn from, if any'),
  as_of: isoDate.optional(),
  case: ExampleCase.optional().describe('what the records document (case format, items omitted)'),
  item: DisputedItem.describe('the disputed item'),
  expect: z.strictObject({
    outcome: z.enum(PREDICTIONS),
    not_met: z.array(kebabId).optional().describe('criteria expected to fail (exactly these)'),
    not_documented: z.array(kebabId).optional().describe('criteria expected to be undocumented (exactly these)'),
  }),
});
export type RuleExample = z.infer<typeof RuleExample>;

export const RECOMMENDATIONS = ['recommended', 'conditional', 'not_recommended'] as const;

export const Rule = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId.describe('equals the file name'),
  title: z.string().min(1),
  source: Source,
  also_cites: z.array(Source).optional(),
  effective: Effective,
  editions: z
    .array(z.strictObject({ source: Source, effective: Effective }))
    .optional()
    .describe('the same criteria in other editions: cited and dated by the edition in force on the request date'),
  applies_to: z
    .strictObject({
      treatments: z.array(identifier.meta(fromVocabulary('treatment'))).optional().describe('catalog ids'),
      classes: z.array(identifier.meta(fromVocabulary('class'))).optional().describe('catalog classes'),
      routes: z.array(Route).optional(),
      regions: z.array(BodyRegion).optional(),
    })
    .refine((a) => (a.treatments?.length ?? 0) + (a.classes?.length ?? 0) > 0, 'name at least one treatment or class'),
  recommendation: z.enum(RECOMMENDATIONS),
  criteria: CriterionNode.optional().describe('required unless the treatment is not recommended'),
  outcome: OutcomeMap.optional().describe('defaults to met: overturned, not_met: upheld, not_documented: upheld'),
  overrides: z.array(kebabId).optional().describe('rules this one replaces where both apply'),
  combines_with: z.array(kebabId).optional().describe('rules that apply together with this one'),
  verified: z.boolean().optional().describe('false when the guideline wording could not be checked'),
  notes: z.string().optional(),
  examples: z.array(RuleExample),
});
export type Rule = z.infer<typeof Rule>;

/** A cross-cutting principle written once: rules `use` it by id, or it joins every rule. */
export const SharedCriterionEntry = z.strictObject({
  id: kebabId,
  source: Source.describe('where the principle is stated'),
  every_rule: z.boolean().optional().describe('prepend this criterion to every rule'),
  criterion: CriterionNode,
});

/** rules/shared/*.yaml: criteria that many rules use by reference. */
export const SharedCriteriaFile = z.strictObject({
  $schema: z.string().optional(),
  shared: z.array(SharedCriterionEntry).min(1),
});
