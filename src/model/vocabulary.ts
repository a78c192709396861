/**
 * Closed vocabularies shared by case files, rule files and the importer.
 * Open vocabularies (treatments, condition and finding tags) live in the ruleset catalog
 * (rules/catalog/*.yaml) because rule authors extend them; these ones are part of the format.
 */
import { z } from 'zod';

export const OUTCOMES = ['upheld', 'overturned'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** A prediction adds `no_rule`: no rule applies, so the tool refuses to guess. */
export const PREDICTIONS = ['upheld', 'overturned', 'no_rule'] as const;
export type Prediction = (typeof PREDICTIONS)[number];

export const ROUTES = [
  'oral', 'topical', 'transdermal', 'intravenous', 'intramuscular', 'injection', 'intra_articular',
  'epidural', 'subcutaneous', 'sublingual', 'intranasal', 'inhaled', 'rectal', 'ophthalmic',
] as const;
export const Route = z.enum(ROUTES);
export type Route = z.infer<typeof Route>;

export const BODY_REGIONS = [
  'head', 'cervical', 'thoracic', 'lumbar', 'sacroiliac', 'shoulder', 'upper_arm', 'elbow', 'forearm',
  'wrist', 'hand', 'hip', 'thigh', 'knee', 'lower_leg', 'ankle', 'foot', 'chest', 'abdomen', 'pelvis',
  'upper_extremity', 'lower_extremity', 'whole_body',
] as const;
export const BodyRegion = z.enum(BODY_REGIONS);
export type BodyRegion = z.infer<typeof BodyRegion>;

export const SIDES = ['left', 'right', 'bilateral'] as const;
export const Side = z.enum(SIDES);

export const SEXES = ['female', 'male'] as const;

export const WORK_STATUSES = ['full_duty', 'modified_duty', 'off_work', 'not_working'] as const;
export const WorkStatus = z.enum(WORK_STATUSES);

/** How a documented treatment went. `partial` is benefit short of what the guideline asks for. */
export const RESPONSES = ['effective', 'partial', 'failed', 'intolerant', 'not_tried'] as const;
export const Response = z.enum(RESPONSES);
export type Response = z.infer<typeof Response>;

export const ACQUISITIONS = ['purchase', 'rental'] as const;

/** Spinal motion segment ("L4-L5") or single level ("L5"), written the canonical way. */
export const SPINE_LEVEL = /^(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])$/;
export const SPINE_SEGMENT = /^(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])-(C[1-8]|T(1[0-2]|[1-9])|L[1-5]|S[1-5])$/;

/** Snake-case identifiers: catalog ids, condition and finding tags, fact names. */
export const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
/** Rule and criterion ids: kebab-case, the address of everything (file name = rule id). */
export const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Open vocabularies a field draws from: the catalog's treatments, classes and tags, the facts
 * and operators. Marked on the schema, so the JSON Schema for editors can list the values.
 */
export type VocabularyKind = 'treatment' | 'treatment-or-class' | 'class' | 'condition' | 'finding' | 'fact' | 'operator' | 'criterion';
export const VOCABULARY_KEY = 'x-vocabulary';
export const fromVocabulary = (kind: VocabularyKind) => ({ [VOCABULARY_KEY]: kind });
