/**
 * What rules and cases may name: the facts criteria compare, the operators for each fact type,
 * the catalog's condition and finding tags and its treatments and classes, each with the names
 * and synonyms letters use for them. `mtus vocabulary` lists them; editors get them from the schema.
 */
import type { Catalog } from '../catalog/catalog.js';
import { OPERATORS, OPERATORS_BY_TYPE, type FactType } from '../facts/fact-types.js';
import { FACTS } from '../facts/registry.js';

export const VOCABULARY_SECTIONS = ['facts', 'operators', 'tags', 'treatments'] as const;
export type VocabularySection = (typeof VOCABULARY_SECTIONS)[number];

export interface FactEntry {
  name: string;
  type: FactType;
  params: Record<string, string>;
  description: string;
}

export interface OperatorEntry {
  operator: string;
  /** the fact types it suits */
  types: FactType[];
}

export interface TagEntry {
  id: string;
  kind: 'condition' | 'finding';
  names: string[];
  implies: string[];
  red_flag: boolean;
}

export interface TreatmentVocabularyEntry {
  id: string;
  /** drug, therapy, procedure ... or `class` */
  kind: string;
  classes: string[];
  names: string[];
  route: string | null;
}

export interface Vocabulary {
  facts?: FactEntry[];
  operators?: OperatorEntry[];
  tags?: TagEntry[];
  treatments?: TreatmentVocabularyEntry[];
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

export function vocabulary(catalog: Catalog, sections: readonly VocabularySection[] = VOCABULARY_SECTIONS): Vocabulary {
  const out: Vocabulary = {};
  if (sections.includes('facts')) {
    out.facts = [...FACTS.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((f) => ({ name: f.name, type: f.type, params: { ...(f.params ?? {}) }, description: f.description }));
  }
  if (sections.includes('operators')) {
    out.operators = OPERATORS.map((operator) => ({
      operator,
      types: (Object.keys(OPERATORS_BY_TYPE) as FactType[]).filter((t) => OPERATORS_BY_TYPE[t].includes(operator)),
    }));
  }
  if (sections.includes('tags')) {
    out.tags = (['condition', 'finding'] as const).flatMap((kind) =>
      catalog.termEntries(kind).sort(byId).map((t) => ({ id: t.id, kind, names: t.names ?? [], implies: t.implies ?? [], red_flag: t.red_flag === true })),
    );
  }
  if (sections.includes('treatments')) {
    const classes = catalog.classIdList().map((id): TreatmentVocabularyEntry => ({ id, kind: 'class', classes: [...catalog.kindsOf(id)].filter((k) => k !== id).sort(), names: [], route: null }));
    const treatments = catalog.treatmentIds().map((id): TreatmentVocabularyEntry => {
      const t = catalog.treatment(id)!;
      return { id, kind: t.kind, classes: t.classes ?? [], names: t.names, route: t.route ?? null };
    });
    out.treatments = [...treatments, ...classes].sort(byId);
  }
  return out;
}
