/**
 * Where a request is for: body regions and sides from the vocabulary ("left knee", "LUE", "R
 * shoulder", "bilateral lower extremities"), spinal levels ("L4-5, L5-S1"), and the region levels
 * name when no word does (vocabulary `spine_letters`).
 */
import { findSpinalLevels } from '../catalog/spine.js';
import type { ReadingPart } from '../model/case-schema.js';
import type { RequestVocabulary } from '../model/catalog-schema.js';
import type { BodyRegion } from '../model/vocabulary.js';

type Side = 'left' | 'right' | 'bilateral';
import type { Sense, Span } from './lexicon.js';
import { adjacent } from './structure.js';

type PlaceSense = Extract<Sense, { layer: 'place' }>;

export interface Places {
  regions: BodyRegion[];
  side: Side | undefined;
  levels: string[];
  parts: ReadingPart[];
}

/** Sides in order of precedence when a line names several. */
const SIDE_ORDER: Side[] = ['bilateral', 'left', 'right'];

export function readPlaces(text: string, spans: readonly Span[], vocabulary: RequestVocabulary): Places {
  const parts: ReadingPart[] = [];
  const regions: BodyRegion[] = [];
  const sides = new Set<Side>();
  const part = (role: ReadingPart['role'], value: string, s: { start: number; end: number }) =>
    parts.push({ role, value, text: text.slice(s.start, s.end), start: s.start, end: s.end });
  spans.forEach((span, i) => {
    const senses = span.senses as PlaceSense[];
    const region = senses.filter((s): s is Extract<PlaceSense, { kind: 'region' }> => s.kind === 'region');
    if (region.length > 0) {
      for (const r of region) {
        if (!regions.includes(r.region)) regions.push(r.region);
        if (r.side) sides.add(r.side);
        part('region', r.region, span);
      }
      if (region[0]!.side) part('side', region[0]!.side, span);
      return;
    }
    const side = senses.find((s): s is Extract<PlaceSense, { kind: 'side' }> => s.kind === 'side' && !s.beforeRegion)
      // "R knee": a one-letter side counts only right before a region word.
      ?? (beforeRegion(text, span, spans[i + 1]) ? senses.find((s): s is Extract<PlaceSense, { kind: 'side' }> => s.kind === 'side') : undefined);
    if (side) {
      sides.add(side.side);
      part('side', side.side, span);
    }
  });
  const found = findSpinalLevels(text);
  for (const l of found) part('level', l.value, l);
  const levels = [...new Set(found.map((l) => l.value))];
  if (regions.length === 0) {
    for (const l of levels) {
      const r = (vocabulary.regions ?? []).find((x) => x.spine_letters?.includes(l[0] as 'C' | 'T' | 'L' | 'S'));
      if (r && !regions.includes(r.id)) regions.push(r.id);
    }
  }
  return { regions, side: SIDE_ORDER.find((s) => sides.has(s)), levels, parts };
}

function beforeRegion(text: string, span: Span, next: Span | undefined): boolean {
  return next !== undefined && next.senses.some((s) => s.kind === 'region') && adjacent(text, span, next);
}
