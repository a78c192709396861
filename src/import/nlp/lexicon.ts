/**
 * Finds catalog terms (condition and finding tags) in text through their `names` synonyms.
 * Acronyms (CRPS, RSD, PHN) match case-sensitively, other names in any case; longer names win
 * over the shorter names they contain ("CRPS type 1" over "CRPS"). A name that starts with
 * "positive" names an examination test: the test mentioned alone ("straight leg raising") is
 * reported as a test whose result the caller reads from the clause ("negative", "was positive").
 */
import type { Catalog, TermKind } from '../../catalog/catalog.js';

export interface TermHit {
  kind: TermKind;
  id: string;
  /** offsets within the searched text */
  start: number;
  end: number;
  /** the name is an examination test without its result ("Spurling's test") */
  test: boolean;
}

interface Pattern {
  kind: TermKind;
  id: string;
  re: RegExp;
  length: number;
  test: boolean;
  /** a lower-case word the text must contain for the pattern to be tried */
  probe: string;
}

const lexicons = new WeakMap<Catalog, TermLexicon>();

export class TermLexicon {
  private readonly patterns: Pattern[] = [];

  static of(catalog: Catalog): TermLexicon {
    let lex = lexicons.get(catalog);
    if (!lex) lexicons.set(catalog, (lex = new TermLexicon(catalog)));
    return lex;
  }

  private constructor(catalog: Catalog) {
    for (const kind of ['condition', 'finding'] as const) {
      for (const entry of catalog.termEntries(kind)) {
        for (const name of entry.names ?? []) {
          this.add(kind, entry.id, name, false);
          const test = /^positive\s+(.+)$/i.exec(name)?.[1];
          if (test) this.add(kind, entry.id, test, true);
        }
      }
    }
    this.patterns.sort((a, b) => b.length - a.length);
  }

  private add(kind: TermKind, id: string, name: string, test: boolean): void {
    const acronym = /^[A-Z0-9]{2,}s?$/.test(name.replace(/[\s/-]/g, ''));
    const body = name
      .trim()
      .split(/\s+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-\\s]?').replace(/'/g, "'?"))
      .join('\\s+');
    // A trailing possessive or plural is the same name: "Tinel's", "spasms".
    const re = new RegExp(`(?<![A-Za-z0-9])${body}(?:'s|s)?(?![A-Za-z0-9])`, acronym ? 'g' : 'gi');
    const probe = name.toLowerCase().split(/[\s'/-]+/).sort((a, b) => b.length - a.length)[0] ?? '';
    this.patterns.push({ kind, id, re, length: name.length, test, probe: probe.replace(/s$/, '') });
  }

  /** Non-overlapping hits, longest names first, in text order. */
  find(text: string, kind?: TermKind): TermHit[] {
    const lower = text.toLowerCase();
    const taken: boolean[] = new Array(text.length).fill(false);
    const hits: TermHit[] = [];
    for (const p of this.patterns) {
      if (kind && p.kind !== kind) continue;
      if (!lower.includes(p.probe)) continue;
      p.re.lastIndex = 0;
      for (const m of text.matchAll(p.re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.slice(start, end).some(Boolean)) continue;
        for (let i = start; i < end; i++) taken[i] = true;
        hits.push({ kind: p.kind, id: p.id, start, end, test: p.test });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }
}
