/** Numbers and ranges as request grammar patterns read them ("2", "two", "1-2", "one to two"). */
import { numberSource, toNumber } from '../catalog/number-words.js';

export interface NumberPatterns {
  /**
   * A number standing alone: not inside a longer number or word ("one" in "once"); a times sign
   * may stand right before it ("x12").
   */
  NUM: string;
  /** A number or a range of two: captures the low end and, when given, the high end. */
  RANGE: string;
}

/** The number patterns, with only the number words given (all when undefined): see `numberSource`. */
export function numberPatterns(words?: readonly string[]): NumberPatterns {
  const NUM = `(?<![a-wyz0-9.]|[a-z]x)(${numberSource(words)})(?![0-9])(?!(?<=[a-z])[a-z])`;
  return { NUM, RANGE: `${NUM}(?:\\s*(?:-|–|to|or)\\s*${NUM})?` };
}

export interface Range {
  min: number;
  max: number;
}

export function rangeOf(low: string | undefined, high: string | undefined): Range | undefined {
  if (low === undefined) return undefined;
  const a = toNumber(low);
  const b = high === undefined ? a : toNumber(high);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

export function times(r: Range, k: Range): Range {
  return { min: r.min * k.min, max: r.max * k.max };
}

export function sum(ranges: readonly Range[]): Range | undefined {
  if (ranges.length === 0) return undefined;
  return ranges.reduce((a, b) => ({ min: a.min + b.min, max: a.max + b.max }));
}

/** A regular-expression alternation of vocabulary names, punctuation between words optional ("q.h.s." = "qhs"). */
export function alternation(names: readonly string[]): string {
  const sources = names
    .map((n) => n.toLowerCase().trim())
    .filter((n) => n !== '')
    .sort((a, b) => b.length - a.length)
    .map((n) => n.split(/[\s.]+/).filter((w) => w !== '').map(escape).join('[\\s.]*'));
  return sources.length === 0 ? '(?!)' : `(?:${sources.join('|')})`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
