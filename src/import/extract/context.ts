/**
 * What every fact extractor reads: the sentences of the CLINICAL CASE SUMMARY (each with a role)
 * and the items' request lines. Nothing else of the letter reaches an extractor, so the decision
 * rationale can never become a fact.
 */
import type { Catalog } from '../../catalog/catalog.js';
import { TermLexicon } from '../nlp/lexicon.js';
import type { Sentence } from '../nlp/sentences.js';

/**
 * clinical: what the records document; request: what is asked for or planned; review: what
 * utilization review decided and why (its reasons are not the records' findings).
 */
export type SentenceRole = 'clinical' | 'request' | 'review';

export interface SummarySentence extends Sentence {
  role: SentenceRole;
  /** index in the summary */
  index: number;
}

export interface RequestLine extends Sentence {
  /** the item's index in the letter */
  item: number;
}

export interface ExtractionContext {
  catalog: Catalog;
  lexicon: TermLexicon;
  sentences: SummarySentence[];
  requests: RequestLine[];
}

const REVIEW = /\b(utilization review|UR\b|claims administrator|non-?certifi\w*|(?:was|were|been) (?:denied|modified|certified|authorized|approved)|denied (?:the|this|a) |modified (?:the|this|a) |previously (?:denied|reviewed|modified)|not medically necessary|IMR|guidelines?|(?:is|was|were|are) not supported)\b/i;
const REQUEST = /\b(request(?:ed|s|ing)?|RFA|authorization|treatment plan|plan (?:of care )?(?:included|includes|was|is)|recommend(?:ed|ation|ations|s)?|prescri(?:be|bed|ption|ptions)|referr(?:al|ed)|(?:was|were|is|are|been) ordered|will (?:start|begin|undergo|be)|to proceed|is scheduled|was scheduled|proposed|sought|wishes to|would like)\b/i;

export function roleOf(text: string): SentenceRole {
  if (REVIEW.test(text)) return 'review';
  if (REQUEST.test(text)) return 'request';
  return 'clinical';
}

export function extractionContext(catalog: Catalog, summary: Sentence[], requests: RequestLine[]): ExtractionContext {
  return {
    catalog,
    lexicon: TermLexicon.of(catalog),
    sentences: summary.map((s, index) => ({ ...s, index, role: roleOf(s.text) })),
    requests,
  };
}

/** A value read from one sentence, kept with that sentence for provenance. */
export interface Found<T> {
  value: T;
  from: Sentence;
}
