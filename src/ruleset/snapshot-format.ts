/**
 * How a snapshot's content is written: JSON in plain ASCII (a single other character would make
 * every string of it twice the size, and slower to read), and in two parts. What a command that
 * evaluates needs comes first; the rules' examples and notes, a third of the bytes and wanted only
 * by `mtus test` and `mtus rules`, come second and are parsed the first time one is read.
 */
import type { RulesetContent } from './ruleset.js';

const LATER = ['examples', 'notes'] as const;
type Later = Partial<Record<(typeof LATER)[number], unknown>>;

/** The two lines of content, each JSON in ASCII. */
export function encodeContent(content: RulesetContent): string {
  const later: Later[] = [];
  const rules = content.rules.map(({ rule, file }) => {
    const kept: Record<string, unknown> = {};
    const set: Later = {};
    for (const [k, v] of Object.entries(rule)) {
      if ((LATER as readonly string[]).includes(k)) {
        set[k as keyof Later] = v;
        kept[k] = 0; // keeps the key's place
      } else kept[k] = v;
    }
    later.push(set);
    return { rule: kept, file };
  });
  return `${ascii(JSON.stringify({ ...content, rules }))}\n${ascii(JSON.stringify(later))}`;
}

/** The content of the two lines; the second is parsed when an example or note is first read. */
export function decodeContent(text: string): unknown {
  const cut = text.indexOf('\n');
  if (cut < 0) throw new Error('one part only');
  const content = JSON.parse(text.slice(0, cut)) as { rules?: unknown };
  const laterText = text.slice(cut + 1);
  let later: Later[] | undefined;
  const readLater = () => (later ??= JSON.parse(laterText) as Later[]);
  if (!Array.isArray(content.rules)) return content;
  content.rules.forEach((entry: { rule?: Record<string, unknown> }, i) => {
    const rule = entry?.rule;
    if (typeof rule !== 'object' || rule === null) return;
    for (const k of LATER) {
      if (!(k in rule)) continue;
      Object.defineProperty(rule, k, {
        enumerable: true,
        configurable: true,
        get() {
          const value = readLater()[i]?.[k];
          Object.defineProperty(rule, k, { value, enumerable: true, configurable: true, writable: true });
          return value;
        },
      });
    }
  });
  return content;
}

/** JSON text with every character beyond ASCII written as an escape. */
export function ascii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
