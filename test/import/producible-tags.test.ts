/**
 * No dead facts: every condition and finding tag a rule (or a shared criterion) tests can come out
 * of the importer. A tag is producible when the catalog gives it (or a narrower tag that implies
 * it) a name the importer reads, or when one of the importer's readings produces it; the readings'
 * tags are shown here with a made-up sentence each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { extractConditions } from '../../src/import/extract/conditions.js';
import { extractFindings } from '../../src/import/extract/findings.js';
import { isYaml, listFiles } from '../../src/ruleset/files.js';
import { bundledRuleset, RULES_DIR } from '../helpers.js';
import { summary } from './summary.js';

type Kind = 'condition' | 'finding';

/** Tags produced by a reading rather than by catalog names, each with a sentence that produces it. */
const READ_BY_PATTERN: Record<string, [Kind, string]> = {
  tobacco_use: ['condition', 'He smokes half a pack of cigarettes a day.'],
  obesity: ['condition', 'Her body mass index is 41.'],
  urine_drug_screen_consistent: ['finding', 'The urine drug test from last month was consistent with his prescriptions.'],
  urine_drug_screen_inconsistent: ['finding', 'The urine drug screen was positive for methamphetamine.'],
  cures_reviewed: ['finding', 'A CURES report was obtained and was appropriate.'],
  opioid_risk_screening: ['finding', 'He was screened for the risk of opioid misuse with the ORT.'],
  treatment_goals: ['finding', 'Her goals are to garden and to walk her dog.'],
  pain_medication_reduced: ['finding', 'He has cut back on his pain medications.'],
  pain_medication_not_tolerated: ['finding', 'She could not tolerate hydrocodone.'],
  invasive_procedure_planned: ['finding', 'The treatment plan includes a lumbar fusion.'],
  abnormal_electrodiagnostics: ['finding', 'Nerve conduction studies showed slowing across the elbow.'],
  electrodiagnostic_radiculopathy: ['finding', 'An EMG demonstrated an acute C6 radiculopathy.'],
  ncs_confirms_carpal_tunnel: ['finding', 'The NCS was consistent with severe carpal tunnel syndrome.'],
};

/** The tags rule and shared criteria test, from the rule files themselves. */
function testedTags(): { kind: Kind; tag: string }[] {
  const out = new Map<string, { kind: Kind; tag: string }>();
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    const tag = (o.params as Record<string, unknown> | undefined)?.tag;
    if ((o.fact === 'condition' || o.fact === 'finding') && typeof tag === 'string') out.set(`${o.fact}:${tag}`, { kind: o.fact, tag });
    Object.values(o).forEach(walk);
  };
  for (const f of listFiles(RULES_DIR, isYaml).filter((f) => !/[/\\](catalog|schema)[/\\]/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) walk((doc.toJS() as { criteria?: unknown; shared?: unknown }));
  }
  return [...out.values()];
}

describe('every tag a rule tests can be imported', () => {
  it('has a catalog name (its own or a narrower tag\'s) or a reading of its own', () => {
    const catalog = bundledRuleset().catalog;
    const named = (kind: Kind, tag: string) => catalog.termEntries(kind).some((e) => (e.names ?? []).length > 0 && catalog.impliedBy(kind, e.id).has(tag));
    const dead = testedTags().filter(({ kind, tag }) => !named(kind, tag) && READ_BY_PATTERN[tag]?.[0] !== kind).map(({ kind, tag }) => `${kind} ${tag}`);
    expect(testedTags().length).toBeGreaterThan(100);
    expect(dead).toEqual([]);
  });

  it.each(Object.entries(READ_BY_PATTERN))('%s is produced by its reading', (tag, [kind, sentence]) => {
    const ctx = summary(sentence);
    const found = kind === 'condition' ? extractConditions(ctx).present : extractFindings(ctx).present;
    expect(found.map((f) => f.value)).toContain(tag);
  });
});
