/**
 * Drug strengths as written: "7.5 mg", "5/325mg", "10mg/1ml", "300mg/g", "5%", "1percent",
 * "25mcg/hr"; and the bare "10/325" that follows a combination product's name. Units come from
 * the vocabulary (units measuring a strength).
 */
import type { ReadingPart } from '../model/case-schema.js';
import type { RequestVocabulary } from '../model/catalog-schema.js';
import type { MaskedText } from './masked-text.js';
import { alternation } from './numbers.js';

const patternCache = new WeakMap<RequestVocabulary, RegExp>();

function strengthPattern(v: RequestVocabulary): RegExp {
  let re = patternCache.get(v);
  if (!re) {
    const units = alternation((v.units ?? []).filter((u) => u.measures === 'strength').flatMap((u) => u.names));
    const per = '(?:\\s*\\/\\s*(?:\\d+(?:\\.\\d+)?\\s*)?(?:ml|g|gm|gram|tab|tablet|capsule|actuation|hr|hour|patch|day)(?![a-z]))?';
    re = new RegExp(`(?<![a-z0-9.])\\d+(?:\\.\\d+)?(?:\\s*\\/\\s*\\d+(?:\\.\\d+)?)*\\s*${units}(?![a-z])${per}`, 'gi');
    patternCache.set(v, re);
  }
  return re;
}

/** Strengths in the line, in text order; each is taken from the masked text. */
export function readStrengths(text: MaskedText, vocabulary: RequestVocabulary): ReadingPart[] {
  const re = strengthPattern(vocabulary);
  const parts: ReadingPart[] = [];
  text.take(re, (m) => {
    parts.push(strengthPart(text.original, m.index, m[0]));
    return true;
  });
  return parts;
}

/** "Norco 10/325": a bare ratio right after a drug's name is its strength. */
export function readBareStrength(text: MaskedText, after: number): ReadingPart | undefined {
  const m = /^\s*(\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?)(?![0-9/])/.exec(text.rest.slice(after));
  if (!m) return undefined;
  const start = after + m[0].indexOf(m[1]!);
  text.blank(start, start + m[1]!.length);
  return strengthPart(text.original, start, m[1]!);
}

function strengthPart(original: string, start: number, written: string): ReadingPart {
  const end = start + written.length;
  const text = original.slice(start, end);
  return { role: 'strength', value: text.replace(/\s+/g, ''), text, start, end };
}
