/**
 * CDS Hooks cards: one per order, with the predicted IMR outcome in the summary (under 140
 * characters), the deciding criterion, the confidence and the documentation needed in the detail
 * (Markdown), and a link to the guideline citation the prediction rests on.
 */
import { randomUUID } from 'node:crypto';
import { confidenceText } from '../../advice/agreement.js';
import { phrase } from '../../report/check-short.js';
import type { CheckJson } from '../checker.js';

type Item = CheckJson['items'][number];

export interface Card {
  uuid: string;
  summary: string;
  detail: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string; topic?: { system: string; code: string; display?: string } };
  links?: { label: string; url: string; type: 'absolute' | 'smart' }[];
}

const SOURCE_LABEL = 'mtus-rules (MTUS/ODG guideline rules)';
const STATUS = { met: 'met', not_met: 'not met', unknown: 'not documented' } as const;

export function cardFor(item: Item, baseUrl: string): Card {
  const s = item.summary;
  const card: Card = {
    uuid: randomUUID(),
    summary: summaryLine(item),
    detail: detail(item),
    indicator: item.prediction === 'upheld' ? 'warning' : 'info',
    source: { label: SOURCE_LABEL, url: `${baseUrl}/`, ...(item.rule ? { topic: { system: 'urn:mtus-rules:rule', code: item.rule } } : {}) },
  };
  if (item.rule && s.decisive) card.links = [{ label: `Guideline: ${clip(s.decisive.citation, 120)}`, url: `${baseUrl}/api/rules/${item.rule}`, type: 'absolute' }];
  return card;
}

const NO_RULE = {
  unrecognised_request: 'request not recognised',
  no_rule_for_treatment: 'no rule for this treatment',
  ingredient_without_rule: 'an ingredient has no rule',
  out_of_era: 'guideline in force not encoded',
} as const;

function summaryLine(item: Item): string {
  const why = item.no_rule ? ` (${NO_RULE[item.no_rule.reason] ?? item.no_rule.reason})` : '';
  const verdict = item.prediction === 'upheld' ? 'IMR would likely uphold a denial' : item.prediction === 'overturned' ? 'IMR would likely find medically necessary' : `No IMR prediction${why}`;
  return clip(`${verdict}: ${item.request}`, 139);
}

function detail(item: Item): string {
  const s = item.summary;
  const lines = [`**Predicted IMR outcome:** ${item.prediction === 'upheld' ? 'upheld (not medically necessary)' : item.prediction === 'overturned' ? 'overturned (medically necessary)' : 'no prediction: no rule applies'}`];
  if (!s.decisive) {
    if (item.formulary) lines.push('', `**MTUS Drug Formulary:** prospective review ${item.formulary.prospective_review.replace(/_/g, ' ')}: ${item.formulary.because}.`);
    return [...lines, '', item.rationale].join('\n');
  }
  lines.push('', `**Decisive criterion** (${STATUS[s.decisive.status]}): ${s.decisive.text}`, `*${s.decisive.citation}*`);
  lines.push('', `**Confidence:** ${confidenceText(s.confidence, s.decisive.rule)}`);
  if (item.prediction === 'upheld') {
    if (s.can_change === false) lines.push('', '**Documentation needed:** none would change this; the criterion above cannot be met for this order.');
    else if (s.to_document) {
      const parts = 'all' in s.to_document ? s.to_document.all : [s.to_document];
      lines.push('', '**Documentation needed:**', ...parts.map((p) => `- ${phrase(p, true)}`));
    }
  }
  return lines.join('\n');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
