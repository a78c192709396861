/**
 * The rules judging one item run their leaf comparisons together, each distinct comparison once,
 * with facts read through memo keys. Checked here against json-rules-engine run the plain way:
 * one engine per rule, conditions with their own fact names and parameters, every fact computed
 * afresh. Every leaf's status and fact value must agree, on curated and generated cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCase, random } from '../../src/bench/generate.js';
import type { CompiledRule } from '../../src/engine/compiled-rule.js';
import { LIST_OPERATORS } from '../../src/engine/operators.js';
import { FactContext } from '../../src/facts/fact-context.js';
import { FACTS } from '../../src/facts/registry.js';
import type { Case } from '../../src/model/case-schema.js';
import { predictItem } from '../../src/predict/predict-item.js';
import { listFiles } from '../../src/ruleset/files.js';
import { bundledRuleset, ROOT } from '../helpers.js';

/** The plain way: one engine for one rule, facts computed with no memo at all. */
async function plainLeaves(c: CompiledRule, ctx: FactContext): Promise<{ status: string; factValue: unknown }[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of LIST_OPERATORS) engine.addOperator(op);
  const fresh = () => new FactContext(ctx.kase, ctx.item, ctx.catalog, ctx.asOf, ctx.ingredients, ctx.associatedSurgery, ctx.policy);
  for (const name of new Set(c.leaves.flatMap((l) => [l.criterion.fact, ...(isRef(l.criterion.value) ? [l.criterion.value.fact] : [])]))) {
    engine.addFact(name, (params: Record<string, unknown>) => FACTS.get(name)?.compute(fresh(), params ?? {}), { cache: false });
  }
  engine.addRule({
    conditions: { all: c.leaves.map((l) => ({ fact: l.criterion.fact, operator: l.criterion.operator, value: l.criterion.value, ...(l.criterion.params ? { params: l.criterion.params } : {}) })) },
    event: { type: c.rule.id },
  });
  const { results, failureResults } = await engine.run();
  const all = ((results[0] ?? failureResults[0])!.conditions as unknown as { all: { factResult?: unknown; valueResult?: unknown; result?: boolean }[] }).all;
  return c.leaves.map((l, i) => {
    const e = all[i]!;
    const undocumented = e.factResult == null || (isRef(l.criterion.value) && e.valueResult == null);
    return { status: undocumented ? 'unknown' : e.result ? 'met' : 'not_met', factValue: e.factResult };
  });
}

const isRef = (v: unknown): v is { fact: string } => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('leaf comparisons shared by the rules judging an item', () => {
  it('give every leaf the status and fact value a plain engine run gives it', async () => {
    const ruleset = bundledRuleset();
    const rnd = random(31);
    const cases: Case[] = [
      ...listFiles(join(ROOT, 'cases'), (f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(f, 'utf8')) as Case),
      ...Array.from({ length: 300 }, (_, i) => generateCase(i, rnd)),
    ];
    let rules = 0;
    let shared = 0;
    for (const kase of cases) {
      for (let i = 0; i < kase.items.length; i++) {
        const p = await predictItem(ruleset, kase, i + 1);
        if (p.evaluations.length > 1) shared++;
        for (const e of p.evaluations) {
          rules++;
          const plain = await plainLeaves(e.evaluation.compiled, e.ctx);
          expect(e.evaluation.leaves.map((l) => ({ status: l.status, factValue: l.factValue })), e.evaluation.compiled.rule.id).toEqual(plain);
        }
      }
    }
    // rules were judged together for many items, so the sharing was exercised
    expect(rules).toBeGreaterThan(1000);
    expect(shared).toBeGreaterThan(100);
  });
});
