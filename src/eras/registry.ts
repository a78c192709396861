/**
 * The guideline document registry, read: find a document by its canonical name or an alias, and
 * the documents in force on a date. Names compare case-insensitively with spacing normalised.
 */
import type { DocumentRole, GuidelineDocument, InForcePeriod } from '../model/document-schema.js';

export interface DocumentEntry extends GuidelineDocument {
  /** the registry file and index, for locating problems */
  file?: string;
  index?: number;
}

/** Names are compared normalised; the few names a run meets are normalised once each. */
const keys = new Map<string, string>();
function key(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    k = name.toLowerCase().replace(/\s+/g, ' ').trim();
    if (keys.size < 10_000) keys.set(name, k);
  }
  return k;
}

export function inPeriod(p: Pick<InForcePeriod, 'from' | 'to'>, date: string): boolean {
  return p.from <= date && (p.to === undefined || date <= p.to);
}

export class DocumentRegistry {
  private readonly byCanonical = new Map<string, DocumentEntry>();
  private readonly byAlias = new Map<string, DocumentEntry>();

  constructor(readonly documents: readonly DocumentEntry[]) {
    for (const d of documents) {
      this.byCanonical.set(key(d.name), d);
      for (const a of d.aliases ?? []) this.byAlias.set(key(a), d);
    }
  }

  /** The document a rule names by its canonical name. */
  canonical(name: string): DocumentEntry | undefined {
    const d = this.byCanonical.get(key(name));
    return d && d.name === name ? d : undefined;
  }

  /** The document a name (canonical or alias, any case) refers to. */
  find(name: string): DocumentEntry | undefined {
    return this.byCanonical.get(key(name)) ?? this.byAlias.get(key(name));
  }

  /**
   * The periods an edition of a document was in force: those naming the edition, or every period
   * when the document's periods name no editions. Undefined when the document names editions and
   * this is none of them.
   */
  periodsOf(doc: GuidelineDocument, edition: string): InForcePeriod[] | undefined {
    const named = doc.in_force.filter((p) => p.edition !== undefined);
    if (named.length === 0) return doc.in_force;
    const match = doc.in_force.filter((p) => p.edition !== undefined && key(p.edition) === key(edition));
    return match.length > 0 ? match : undefined;
  }

  /** Documents (optionally of one role) in force on `date`, each with the period that covers it. */
  inForceOn(date: string, role?: DocumentRole): { document: DocumentEntry; period: InForcePeriod }[] {
    const out: { document: DocumentEntry; period: InForcePeriod }[] = [];
    for (const d of this.documents) {
      if (role && d.role !== role) continue;
      const period = d.in_force.find((p) => inPeriod(p, date));
      if (period) out.push({ document: d, period });
    }
    return out;
  }
}

/** The overall window of a document: its first `from` to its last `to` (open if any period is). */
export function documentWindow(doc: GuidelineDocument): { from: string; to?: string } {
  const from = doc.in_force.map((p) => p.from).sort()[0]!;
  const open = doc.in_force.some((p) => p.to === undefined);
  const to = open ? undefined : doc.in_force.map((p) => p.to!).sort().at(-1);
  return to ? { from, to } : { from };
}
