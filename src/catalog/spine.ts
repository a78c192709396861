/**
 * Spinal levels and segments. Requests name medial-branch levels ("L4, L5 and S1") or joints
 * ("L4-5, L5-S1"); records name fused segments ("lumbar 4-lumbar 5"). All become canonical
 * segments ("L4-L5") so a targeted facet joint can be intersected with a fused segment.
 */
const ORDER: string[] = [
  ...range('C', 1, 7), ...range('T', 1, 12), ...range('L', 1, 5), ...range('S', 1, 5),
];
const INDEX = new Map(ORDER.map((l, i) => [l, i]));
const REGION_LETTER: Record<string, string> = { cervical: 'C', thoracic: 'T', lumbar: 'L', sacral: 'S' };

function range(prefix: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${prefix}${i}`);
  return out;
}

export function isSegment(s: string): boolean {
  return s.includes('-');
}

/** "L4-5" → "L4-L5"; "L5-S1" stays; a level stays a level. */
export function canonicalSegment(s: string): string {
  const m = /^([CTLS])(\d{1,2})\s*-\s*([CTLS])?(\d{1,2})$/i.exec(s.trim());
  if (!m) return s.trim().toUpperCase();
  const a = `${m[1]!.toUpperCase()}${m[2]}`;
  const b = `${(m[3] ?? m[1])!.toUpperCase()}${m[4]}`;
  return `${a}-${b}`;
}

/** Adjacent levels pair into the joints between them: [L4, L5, S1] → [L4-L5, L5-S1]. */
export function jointsBetween(levels: readonly string[]): string[] {
  const sorted = [...new Set(levels.map((l) => l.toUpperCase()))]
    .filter((l) => INDEX.has(l))
    .sort((a, b) => INDEX.get(a)! - INDEX.get(b)!);
  const joints: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (INDEX.get(cur)! - INDEX.get(prev)! === 1) joints.push(`${prev}-${cur}`);
  }
  return joints;
}

/**
 * The facet joints a spinal request targets: segments as given; single medial-branch levels
 * paired with their neighbours, the way reviewers read "medial branch block at L4, L5 and S1"
 * as the L4-L5 and L5-S1 joints.
 */
export function targetedJoints(levelsOrSegments: readonly string[]): string[] {
  const segments = levelsOrSegments.filter(isSegment).map(canonicalSegment);
  const levels = levelsOrSegments.filter((l) => !isSegment(l));
  return [...new Set([...segments, ...jointsBetween(levels)])];
}

/**
 * Spinal levels and segments named in free text: "L4-5", "L5-S1", "L4, L5 and S1",
 * "lumbar 4-lumbar 5", "lumbar 5-sacral 1", "C5-C6".
 */
export function parseSpinalLevels(text: string): string[] {
  return [...new Set(findSpinalLevels(text).map((l) => l.value))];
}

/** Each spinal level or segment named in the text, with its offsets. */
export function findSpinalLevels(text: string): { value: string; start: number; end: number }[] {
  // Spelled-out levels ("lumbar 4") are rewritten to letters, keeping every offset in place.
  const spelled = text.replace(
    /\b(cervical|thoracic|lumbar|sacral)(\s*)(\d{1,2})\b/gi,
    (_m, region: string, space: string, n: string) => `${REGION_LETTER[region.toLowerCase()]}${' '.repeat(region.length - 1 + space.length)}${n}`,
  );
  const found: { value: string; start: number; end: number }[] = [];
  const re = /\b([CTLS])\s*(\d{1,2})(?:\s*(?:-|–|to|through)\s*([CTLS])?\s*(\d{1,2}))?\b/gi;
  for (const m of spelled.matchAll(re)) {
    const a = `${m[1]!.toUpperCase()}${m[2]}`;
    if (!INDEX.has(a)) continue;
    if (m[4] !== undefined) {
      const b = `${(m[3] ?? m[1])!.toUpperCase()}${m[4]}`;
      if (INDEX.has(b) && INDEX.get(b)! > INDEX.get(a)!) {
        found.push({ value: `${a}-${b}`, start: m.index, end: m.index + m[0].length });
        continue;
      }
    }
    found.push({ value: a, start: m.index, end: m.index + /^[CTLS]\s*\d{1,2}/i.exec(m[0])![0].length });
  }
  return found;
}
