/** Immutable edits of a case: set or clear a value at a path; toggle a tag in a list. */
import type { Case } from './api.js';

export type Path = (string | number)[];

/** The case with `value` at `path`; `undefined` removes the key (the fact becomes undocumented). */
export function setIn(kase: Case, path: Path, value: unknown): Case {
  const put = (node: unknown, i: number): unknown => {
    const key = path[i]!;
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string | number, unknown>;
    if (i === path.length - 1) {
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    } else {
      copy[key] = put(copy[key] ?? (typeof path[i + 1] === 'number' ? [] : {}), i + 1);
    }
    return copy;
  };
  return put(kase, 0) as Case;
}

export function getIn(kase: Case, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string | number, unknown>)[k]), kase);
}

type TagList = 'conditions' | 'conditions_absent' | 'findings' | 'findings_absent';

export function toggleTag(kase: Case, list: TagList, tag: string, on: boolean): Case {
  const now = kase[list] ?? [];
  const next = on ? [...new Set([...now, tag])] : now.filter((t) => t !== tag);
  return setIn(kase, [list], next.length ? next : undefined);
}

/** "yes" / "no" / "" (not documented) for a yes-no fact. */
export function triState(v: unknown): string {
  return v === true ? 'yes' : v === false ? 'no' : '';
}

export function fromTriState(s: string): boolean | undefined {
  return s === 'yes' ? true : s === 'no' ? false : undefined;
}
