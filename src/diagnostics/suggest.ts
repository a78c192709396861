/** "Did you mean …?" for misspelt names: case and underscores ignored first, then edit distance. */
import { distance } from 'fastest-levenshtein';

const squash = (s: string) => s.toLowerCase().replace(/[_\-\s]/g, '');

export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const target = squash(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(target, squash(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

export function didYouMean(name: string, candidates: Iterable<string>): string {
  const c = closestName(name, candidates);
  return c ? ` (did you mean '${c}'?)` : '';
}
