/**
 * The quantity grammar is narrowed to each line (only the number words the line contains, only
 * the patterns whose words it has) because the whole grammar is slow to compile and run. The
 * narrowing must never change a reading: every line here is read both ways and compared, parts,
 * values and what is left of the line alike.
 */
import { describe, expect, it } from 'vitest';
import { MaskedText } from '../../src/request/masked-text.js';
import { readQuantities } from '../../src/request/quantities.js';
import { bundledRuleset } from '../helpers.js';
import { notReadAs, phrasingFiles } from './phrasings.js';

/** Number words, grammar words and units thrown together, with words that hide number words ("bone", "often"). */
const PIECES = [
  'one', 'two', 'three', 'six', 'ten', 'eleven', 'twelve', 'fifteen', 'seventeen', 'twenty', 'twenty-four', 'forty five', 'ninety',
  'hundred', 'one hundred twenty', 'one hundred and ten', 'a dozen', 'dozen', 'once', 'twice', 'thrice', '1', '2', '4', '6', '12', '30',
  '90', '120', '7.5', '1-2', '2-3', 'one to two', 'x', '×', 'times', 'x6', '2x4', '1-2x4-6', '#', '#90', 'qty', 'quantity:', 'disp',
  'refill', 'refills', 'with', 'and', 'or', 'to', '-', '–', '(1)', 'day', 'days', 'daily', 'a day', 'per day', 'week', 'wks', 'weekly',
  '/wk', 'month', 'mo', 'year', 'd', 'hours', 'hr', 'q', 'q8h', 'every', 'every 4-6 hours', 'supply', 'day supply', 'sessions',
  'visits', 'treatments', 'appointment', 'additional', 'for', 'over', 'a', 'an', 'the', 'period of', 'in', 'within', 'after', 'mg',
  'ml', 'g', 'gm', 'grams', '%', 'tid', 'prn', 'q.h.s.', 'tablets', 'cream', 'PT', 'acupuncture', 'Norco', '10/325', 'lumbar',
  'rental', 'bone', 'often', 'oxycodone', 'tens', 'xone', 'x12', 'twentyfour', '2one', ',', ':', '/',
];

function soup(count: number): string[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 2 + Math.floor(next() * 8) }, () => PIECES[Math.floor(next() * PIECES.length)]!);
    return words.join(next() < 0.8 ? ' ' : '');
  });
}

describe('the narrowed quantity grammar', () => {
  it('reads every line as the whole grammar does', () => {
    const vocabulary = bundledRuleset().catalog.vocabulary;
    const written = [...phrasingFiles().flatMap((f) => f.groups.flatMap((g) => g.phrasings.map((p) => p.text))), ...notReadAs().map((n) => n.text)];
    const lines = [...written, ...soup(4000)];
    const differ: string[] = [];
    for (const line of lines) {
      for (const sessionLike of [false, true]) {
        const a = new MaskedText(line);
        const b = new MaskedText(line);
        const whole = JSON.stringify([readQuantities(a, vocabulary, sessionLike, false), a.rest]);
        const narrowed = JSON.stringify([readQuantities(b, vocabulary, sessionLike), b.rest]);
        if (whole !== narrowed) differ.push(`${JSON.stringify(line)} (session-like: ${sessionLike})`);
      }
    }
    expect(written.length).toBeGreaterThan(500);
    expect(differ).toEqual([]);
  });
});
