/**
 * Synthetic cases for benchmarks: the seed topics with facts varied by a seeded generator, so
 * every run measures the same mix of met, failed and undocumented criteria.
 */
import type { Case } from '../model/case-schema.js';

/** Mulberry32: small, fast, reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCase(n: number, rnd: () => number): Case {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const maybe = <T>(v: T): T | undefined => (rnd() < 0.6 ? v : undefined);
  const year = pick([2014, 2015, 2017]);
  const treatments: NonNullable<Case['treatments']> = [
    { treatment: 'ketamine', route: 'topical', current: rnd() < 0.7, ...(maybe(true) !== undefined ? { pain_relief: rnd() < 0.7 } : {}), ...(maybe(true) !== undefined ? { functional_improvement: rnd() < 0.6 } : {}) },
    { treatment: 'cyclobenzaprine', current: rnd() < 0.5, ...(rnd() < 0.5 ? { start: `${year - 1}-0${1 + Math.floor(rnd() * 9)}-15` } : {}) },
    { treatment: pick(['amitriptyline', 'duloxetine', 'nortriptyline']), ...(rnd() < 0.6 ? { response: pick(['failed', 'effective', 'intolerant'] as const) } : {}) },
    { treatment: pick(['gabapentin', 'pregabalin']), ...(rnd() < 0.6 ? { response: pick(['failed', 'effective'] as const) } : {}) },
    { treatment: pick(['morphine', 'hydrocodone', 'tramadol']), current: rnd() < 0.8, ...(rnd() < 0.5 ? { pain_relief: rnd() < 0.7, functional_improvement: rnd() < 0.5 } : {}) },
  ];
  const fused = rnd() < 0.3;
  const items: Case['items'] = [
    { request: `Ketamine ${pick([5, 10])}% cream #${pick([60, 120])}`, ...(rnd() < 0.1 ? { actual: { outcome: 'overturned' as const } } : { actual: { outcome: 'upheld' as const } }) },
    { request: `Flexeril 7.5 mg ${pick(['TID', 'BID', 'q8hrs'])} #${pick([20, 30, 60, 90])}`, actual: { outcome: rnd() < 0.1 ? 'overturned' : 'upheld' } },
    { request: pick(['Norco 10/325 mg #120', 'Tramadol 50 mg #60', 'Morphine sulfate ER 30mg 1 tab q 9H #90']), actual: { outcome: rnd() < 0.1 ? 'overturned' : 'upheld' } },
    { request: pick(['Bilateral diagnostic medial branch block at L4, L5 and S1', 'Medial branch block L4-5', 'Facet injections L3-4, L4-5, L5-S1']), actual: { outcome: 'upheld' } },
    { request: `Baclofen 10mg TID #${pick([30, 42, 90])}`, actual: { outcome: rnd() < 0.1 ? 'overturned' : 'upheld' } },
  ];
  return {
    id: `bench-${n}`,
    source: 'generated',
    patient: { age: 30 + Math.floor(rnd() * 40), sex: pick(['female', 'male'] as const) },
    dates: { injury: `${year - 1 - Math.floor(rnd() * 5)}-03-10`, request: `${year}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` },
    conditions: [pick(['radiculopathy', 'crps_1', 'sprain_strain', 'spinal_cord_injury', 'facet_arthropathy', 'depression'])],
    ...(rnd() < 0.3 ? { conditions_absent: ['radiculopathy'] } : {}),
    ...(rnd() < 0.4 ? { work_status: pick(['full_duty', 'modified_duty', 'off_work'] as const) } : {}),
    ...(rnd() < 0.3 ? { findings: ['urine_drug_screen_consistent'] } : {}),
    ...(rnd() < 0.5 ? { surgery_considered: rnd() < 0.3 } : {}),
    treatments,
    ...(fused ? { procedures: [{ procedure: 'lumbar_fusion', ...(rnd() < 0.8 ? { levels: [pick(['L4-L5', 'L5-S1'])] } : {}) }] } : {}),
    items: items.slice(0, 2 + Math.floor(rnd() * 4)),
  };
}
