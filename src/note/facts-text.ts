/** The facts a note gave, each with the sentence it was read from, as short lines for the terminal. */
import type { Case } from '../model/case-schema.js';

export interface FactLine {
  path: string;
  value: string;
  sentence: string;
  /** where the sentence stands in the text the case was read from */
  start: number | undefined;
  end: number | undefined;
}

/** One line per fact the extraction found (the request lines themselves are left out). */
export function noteFacts(kase: Case): FactLine[] {
  return (kase.evidence ?? [])
    .filter((e) => !/^items\.\d+$/.test(e.path))
    .map((e) => ({ path: e.path, value: shown(valueAt(kase, e.path)), sentence: e.text, start: e.start, end: e.end }));
}

export function noteFactsText(kase: Case, source: string, width = 110): string {
  const facts = noteFacts(kase);
  if (facts.length === 0) return `Read from ${source}: no facts (every criterion will read "not documented")`;
  // A fact read from several sentences is shown once, with the first of them.
  const byPath = new Map<string, FactLine[]>();
  for (const f of facts) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
  const lines = [...byPath.values()].map(([f, ...more]) => {
    const head = `  ${f!.path} = ${f!.value}`;
    const also = more.length ? ` (+${more.length} more)` : '';
    const room = Math.max(20, width - head.length - also.length - 5);
    const s = f!.sentence.length > room ? `${f!.sentence.slice(0, room - 1)}…` : f!.sentence;
    return `${head}  ← "${s}"${also}`;
  });
  return [`Read from ${source}: ${byPath.size} fact${byPath.size === 1 ? '' : 's'}, each with its sentence`, ...lines].join('\n');
}

function valueAt(kase: Case, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k]), kase);
}

function shown(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const name = o.treatment ?? o.procedure ?? o.study;
    if (typeof name === 'string') {
      const rest = Object.entries(o).filter(([k, x]) => x !== undefined && !['treatment', 'procedure', 'study', 'as_written'].includes(k)).map(([k, x]) => `${k}: ${JSON.stringify(x)}`);
      return rest.length ? `${name} (${rest.join(', ')})` : name;
    }
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}
