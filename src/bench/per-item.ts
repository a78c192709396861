/**
 * Per-item evaluation cost of mtus against raw json-rules-engine running the same conditions.
 * The raw side gets every leaf's fact value precomputed (outside the clock) and one engine per
 * rule with the same conditions; mtus does all its work on the clock: normalising the request,
 * selecting rules by treatment, route and date, computing facts, running the engine, combining
 * the statuses in three-valued logic and choosing the decisive rule.
 */
import { Engine } from 'json-rules-engine';
import { FactContext } from '../facts/fact-context.js';
import { FACTS } from '../facts/registry.js';
import type { Case } from '../model/case-schema.js';
import { predictItem } from '../predict/predict-item.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import type { CompiledRule } from '../engine/compiled-rule.js';
import { LIST_OPERATORS } from '../engine/operators.js';
import { spread, type Spread } from './stats.js';

export interface PerItemResult {
  items: number;
  /** per round, microseconds per item */
  mtusMicros: Spread;
  rawMicros: Spread;
  /** per slice of about 50 items, mtus time over raw time, timed back to back */
  ratio: Spread;
}

interface RawJob {
  engine: Engine;
  facts: Map<string, unknown>;
}

export async function measurePerItem(ruleset: Ruleset, cases: Case[], rounds = 9): Promise<PerItemResult> {
  const items = cases.flatMap((kase) => kase.items.map((_, i) => ({ kase, number: i + 1 })));
  let current = new Map<string, unknown>();
  const lookup = (fact: string) => (params: Record<string, unknown>) => current.get(key(fact, params));
  const rawJobs = await prepareRaw(ruleset, items, lookup);

  // Slices of about 50 items, each timed on both sides back to back (in turn A B, then B A): a
  // burst of load from elsewhere spoils a few short samples, not a whole side of the comparison.
  const slices: { items: typeof items; jobs: RawJob[] }[] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    const slice = items.slice(i, i + SLICE);
    slices.push({ items: slice, jobs: slice.flatMap((it) => rawJobs.get(it)!) });
  }
  const mtus = async (slice: (typeof slices)[number]) => {
    for (const { kase, number } of slice.items) await predictItem(ruleset, kase, number);
  };
  const raw = async (slice: (typeof slices)[number]) => {
    for (const job of slice.jobs) {
      current = job.facts;
      await job.engine.run();
    }
  };
  for (let i = 0; i < 2; i++) for (const slice of slices) await mtus(slice), await raw(slice);
  const m: number[] = [];
  const r: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let mt = 0;
    let rt = 0;
    for (const [k, slice] of slices.entries()) {
      let a: number;
      let b: number;
      if ((round + k) % 2 === 0) {
        a = await clock(() => mtus(slice));
        b = await clock(() => raw(slice));
      } else {
        b = await clock(() => raw(slice));
        a = await clock(() => mtus(slice));
      }
      mt += a;
      rt += b;
      ratios.push(a / b);
    }
    m.push(mt);
    r.push(rt);
  }
  const perItem = (ms: number) => (1000 * ms) / items.length;
  return { items: items.length, mtusMicros: spread(m.map(perItem)), rawMicros: spread(r.map(perItem)), ratio: spread(ratios) };
}

const SLICE = 50;

const key = (fact: string, params: Record<string, unknown>) => `${fact}${JSON.stringify(params ?? {})}`;

async function clock(f: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** For each item, one raw engine run per rule mtus applied, with the leaf facts already known. */
type Lookup = (fact: string) => (params: Record<string, unknown>) => unknown;

async function prepareRaw<T extends { kase: Case; number: number }>(ruleset: Ruleset, items: T[], lookup: Lookup): Promise<Map<T, RawJob[]>> {
  const engines = new Map<CompiledRule, Engine>();
  const jobs = new Map<T, RawJob[]>();
  for (const item of items) {
    const p = await predictItem(ruleset, item.kase, item.number);
    const own: RawJob[] = [];
    for (const e of p.evaluations) {
      const c = e.evaluation.compiled;
      if (c.leaves.length === 0) continue;
      own.push({ engine: engineFor(c, engines, lookup), facts: leafFacts(c, e.ctx) });
    }
    jobs.set(item, own);
  }
  return jobs;
}

/** One raw engine per rule, with only the facts its conditions name, answered from the precomputed values. */
function engineFor(c: CompiledRule, engines: Map<CompiledRule, Engine>, lookup: Lookup): Engine {
  let engine = engines.get(c);
  if (!engine) {
    engine = new Engine([], { allowUndefinedFacts: true });
    for (const op of LIST_OPERATORS) engine.addOperator(op);
    const names = new Set(c.leaves.flatMap((l) => [l.criterion.fact, ...(typeof l.criterion.value === 'object' && !Array.isArray(l.criterion.value) ? [l.criterion.value.fact] : [])]));
    for (const name of names) engine.addFact(name, lookup(name), { cache: false });
    engine.addRule({
      conditions: { all: c.leaves.map((l) => ({ fact: l.criterion.fact, operator: l.criterion.operator, value: l.criterion.value, ...(l.criterion.params ? { params: l.criterion.params } : {}) })) },
      event: { type: c.rule.id },
    });
    engines.set(c, engine);
  }
  return engine;
}

function leafFacts(c: CompiledRule, ctx: FactContext): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const l of c.leaves) {
    values.set(key(l.criterion.fact, l.criterion.params ?? {}), FACTS.get(l.criterion.fact)!.compute(ctx, l.criterion.params ?? {}));
    const ref = l.criterion.value;
    if (typeof ref === 'object' && !Array.isArray(ref)) values.set(key(ref.fact, {}), FACTS.get(ref.fact)!.compute(ctx, {}));
  }
  return values;
}
