/**
 * Finds catalog terms (condition and finding tags) in text through their `names` synonyms.
 * Acronyms (CRPS, RSD, PHN) match case-sensitively, other names in any case; longer names win
 * over the shorter names they contain ("CRPS type 1" over "CRPS"). A name that starts with
 * "positive" names an examination test: the test mentioned alone ("straight leg raising") is
 * reported as a test whose result the caller reads from the clause ("negative", "was positive").
 * Two readings go beyond the literal names: a shared head noun distributes over a coordination
 * ("homicidal and suicidal thoughts" names homicidal thoughts too), and, on request, a term that
 * heads a longer name is found inside it ("medial joint line tenderness" is tenderness too).
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
  /** found inside a longer name, or through a coordination, rather than as a name of its own */
  derived?: boolean;
}

export interface FindOptions {
  /** also report a term that heads a longer name, or that a preposition follows inside it */
  nested?: boolean;
}

interface Pattern {
  kind: TermKind;
  id: string;
  re: RegExp;
  length: number;
  test: boolean;
  /** a lower-case word the text must contain for the pattern to be tried */
  probe: string;
  /** the probe's number in the lexicon's probe index */
  probeId: number;
}

/** Probes are indexed by their first PREFIX characters (shorter probes by all of theirs). */
const PREFIX = 3;

const lexicons = new WeakMap<Catalog, TermLexicon>();

export class TermLexicon {
  private readonly patterns: Pattern[] = [];
  /** distinct probes by their first characters, so a text is read once to find which it holds */
  private readonly probesByPrefix = new Map<string, { probe: string; id: number }[]>();
  private probeCount = 0;

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
          if (test && looksLikeTest(test)) this.add(kind, entry.id, test, true);
        }
      }
    }
    this.patterns.sort((a, b) => b.length - a.length);
    const ids = new Map<string, number>();
    for (const p of this.patterns) {
      let id = ids.get(p.probe);
      if (id === undefined) {
        ids.set(p.probe, (id = this.probeCount++));
        const key = p.probe.slice(0, PREFIX);
        const list = this.probesByPrefix.get(key) ?? [];
        list.push({ probe: p.probe, id });
        this.probesByPrefix.set(key, list);
      }
      p.probeId = id;
    }
  }

  /**
   * Which probes the lower-cased text contains (the same answer as `lower.includes(probe)` for
   * each, in one pass over the text instead of one per pattern).
   */
  private probesIn(lower: string): Uint8Array {
    const present = new Uint8Array(this.probeCount);
    for (const { id } of this.probesByPrefix.get('') ?? []) present[id] = 1;
    for (let i = 0; i < lower.length; i++) {
      for (let len = 1; len <= PREFIX && i + len <= lower.length; len++) {
        const candidates = this.probesByPrefix.get(lower.slice(i, i + len));
        if (candidates) for (const c of candidates) if (!present[c.id] && lower.startsWith(c.probe, i)) present[c.id] = 1;
      }
    }
    return present;
  }

  private add(kind: TermKind, id: string, name: string, test: boolean): void {
    const acronym = /^[A-Z0-9]{2,}s?$/.test(name.replace(/[\s/-]/g, ''));
    const body = name
      .trim()
      .split(/\s+/)
      // A possessive may be added to any word of a test's name ("drawer's sign").
      .map((w, i, all) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/-/g, '[-\\s]?').replace(/'/g, "'?") + (test && i < all.length - 1 && /^[a-z]+$/i.test(w) ? "(?:'s)?" : ''))
      // A side may stand inside a name: "frozen right shoulder".
      .join(acronym ? '\\s+' : '\\s+(?:(?:right|left|bilateral)\\s+)?');
    // A trailing possessive or plural is the same name: "Tinel's", "spasms".
    const re = new RegExp(`(?<![A-Za-z0-9])${body}(?:'s|s)?(?![A-Za-z0-9])`, acronym ? 'g' : 'gi');
    const probe = name.toLowerCase().split(/[\s'/-]+/).sort((a, b) => b.length - a.length)[0] ?? '';
    this.patterns.push({ kind, id, re, length: name.length, test, probe: probe.replace(/s$/, ''), probeId: -1 });
  }

  /** Non-overlapping hits, longest names first, in text order. */
  find(text: string, kind?: TermKind, options: FindOptions = {}): TermHit[] {
    const hits = this.literal(text, kind);
    const extra = [...this.coordinated(text, hits, kind), ...(options.nested ? this.nestedIn(text, hits) : [])];
    return [...hits, ...extra.filter((e) => !hits.some((h) => h.id === e.id && h.kind === e.kind && h.start === e.start))]
      .sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private literal(text: string, kind?: TermKind, only?: (p: Pattern) => boolean): TermHit[] {
    const lower = text.toLowerCase();
    const taken: boolean[] = new Array(text.length).fill(false);
    const hits: TermHit[] = [];
    const present = this.probesIn(lower);
    for (const p of this.patterns) {
      if (kind && p.kind !== kind) continue;
      if (only && !only(p)) continue;
      if (!present[p.probeId]) continue;
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

  /**
   * "homicidal and suicidal thoughts", "bowel or bladder incontinence": the word before the
   * conjunction takes the hit's remaining words, and is a term when that makes a name.
   */
  private coordinated(text: string, hits: readonly TermHit[], kind?: TermKind): TermHit[] {
    const out: TermHit[] = [];
    for (const h of hits) {
      const name = text.slice(h.start, h.end);
      const rest = /^\S+(\s+.+)$/.exec(name)?.[1];
      if (!rest) continue;
      const m = /(?<![A-Za-z'-])([A-Za-z][A-Za-z'-]*),?\s+(?:and|or|and\/or|&)\s+$/.exec(text.slice(Math.max(0, h.start - 40), h.start));
      if (!m) continue;
      const candidate = `${m[1]}${rest}`;
      const found = this.literal(candidate, kind).find((c) => c.start === 0 && c.end === candidate.length && c.id !== h.id);
      if (!found) continue;
      const start = h.start - m[0].length;
      out.push({ ...found, start, end: start + m[1]!.length, derived: true });
    }
    return out;
  }

  /**
   * Terms inside a longer name that head it ("joint line tenderness" → tenderness) or that a
   * preposition follows within it ("numbness in the radial digits" → numbness). A term opening a
   * longer phrase otherwise stays part of it: "unable to ambulate independently" is not "unable to ambulate".
   */
  private nestedIn(text: string, hits: readonly TermHit[]): TermHit[] {
    const out: TermHit[] = [];
    for (const h of hits) {
      const outer = text.slice(h.start, h.end);
      if (h.test || !/\s/.test(outer.trim())) continue;
      for (const inner of this.literal(outer, h.kind, (p) => p.id !== h.id && !p.test)) {
        if (inner.start === 0 && inner.end === outer.length) continue;
        const after = outer.slice(inner.end);
        if (after.trim() !== '' && !/^\s+(?:in|of|at|over|to|along|on|about|around|into)\b/i.test(after)) continue;
        out.push({ ...inner, start: h.start + inner.start, end: h.start + inner.end, derived: true });
      }
    }
    return out;
  }
}

/**
 * Whether the words after "positive" in a name are a test's name when written alone: a proper name
 * ("Tinel's", "McMurray"), an acronym ("SLR") or several words ("straight leg raise"). A common
 * noun alone ("impingement", "drawer") is a finding in its own right, not a test to be read.
 */
function looksLikeTest(name: string): boolean {
  return /^[A-Z]/.test(name) || /\s/.test(name.trim()) || /\b(?:test|sign|maneuver)\b/i.test(name);
}
