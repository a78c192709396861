/**
 * Scores imported cases against curated ones (the same letters encoded by hand): precision and
 * recall of each fact kind, pooled over all letters. Cases are paired by case number, else by the
 * letter file they name as `source`.
 */
import { basename, extname } from 'node:path';
import { isYaml, listFiles } from '../../ruleset/files.js';
import type { Catalog } from '../../catalog/catalog.js';
import { loadCaseFile } from '../../cases/load-case.js';
import type { Case } from '../../model/case-schema.js';
import { caseAtoms, FACT_KINDS, type FactKind } from './fact-atoms.js';

export interface KindScore {
  kind: FactKind;
  true_positives: number;
  false_positives: number;
  false_negatives: number;
  /** undefined when nothing was imported (or curated) of this kind */
  precision: number | undefined;
  recall: number | undefined;
}

export interface ComparisonReport {
  compared: string[];
  /** curated cases no imported letter matched */
  not_imported: string[];
  kinds: KindScore[];
  /** per letter, what was missed and what was added, for reading the errors */
  differences: { case: string; kind: FactKind; missed: string[]; extra: string[] }[];
}

export function compareWithCurated(imported: readonly Case[], curatedDir: string, catalog: Catalog): ComparisonReport {
  const curated = listFiles(curatedDir, isYaml).map((f) => loadCaseFile(f, catalog));
  return compareCases(imported, curated, catalog);
}

export function compareCases(imported: readonly Case[], curated: readonly Case[], catalog: Catalog): ComparisonReport {
  const key = (k: Case) => k.case_number ?? basename(k.source, extname(k.source));
  const byKey = new Map(imported.map((k) => [key(k), k]));
  const totals = new Map(FACT_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const report: ComparisonReport = { compared: [], not_imported: [], kinds: [], differences: [] };
  for (const truth of curated) {
    const mine = byKey.get(key(truth));
    if (!mine) {
      report.not_imported.push(key(truth));
      continue;
    }
    report.compared.push(key(truth));
    const keys = alignItems(mine, truth);
    const want = caseAtoms(truth, catalog);
    const got = caseAtoms(mine, catalog, keys);
    for (const kind of FACT_KINDS) {
      if (KIND_OF_TREATMENT.has(kind)) got[kind] = generalised(got[kind], want[kind], catalog);
      if (TAG_KINDS[kind]) got[kind] = withoutImplied(got[kind], want[kind], TAG_KINDS[kind]!, catalog);
      const t = totals.get(kind)!;
      const missed = [...want[kind]].filter((x) => !got[kind].has(x));
      const extra = [...got[kind]].filter((x) => !want[kind].has(x));
      t.tp += want[kind].size - missed.length;
      t.fn += missed.length;
      t.fp += extra.length;
      if (missed.length || extra.length) report.differences.push({ case: key(truth), kind, missed, extra });
    }
  }
  report.kinds = FACT_KINDS.map((kind) => {
    const { tp, fp, fn } = totals.get(kind)!;
    return {
      kind, true_positives: tp, false_positives: fp, false_negatives: fn,
      precision: tp + fp > 0 ? round(tp / (tp + fp)) : undefined,
      recall: tp + fn > 0 ? round(tp / (tp + fn)) : undefined,
    };
  });
  return report;
}

/** Kinds whose atoms are catalog ids, optionally prefixed ("2:wheelchair", "listed:splint"). */
const KIND_OF_TREATMENT = new Set<FactKind>(['treatments', 'procedures', 'item_treatment', 'treatment_to_date']);

/** Kinds whose atoms are present condition or finding tags. */
const TAG_KINDS: Partial<Record<FactKind, 'condition' | 'finding'>> = { conditions: 'condition', findings: 'finding' };

/**
 * A broader tag than a curated one is no error: documented CRPS type 1 is documented CRPS, so an
 * imported "crps" beside a curated "crps_1" says nothing the curator denied.
 */
function withoutImplied(got: Set<string>, want: Set<string>, kind: 'condition' | 'finding', catalog: Catalog): Set<string> {
  return new Set([...got].filter((g) => want.has(g) || ![...want].some((w) => catalog.impliedBy(kind, w).has(g))));
}

/**
 * A more specific catalog id than the curated one is the same fact: where the curator wrote the
 * class ("dme") the catalog may since name the item ("wheelchair", which is a dme).
 */
function generalised(got: Set<string>, want: Set<string>, catalog: Catalog): Set<string> {
  const split = (a: string) => {
    const at = a.lastIndexOf(':');
    return at < 0 ? ['', a] : [a.slice(0, at + 1), a.slice(at + 1)];
  };
  return new Set([...got].map((g) => {
    if (want.has(g)) return g;
    const [key, id] = split(g);
    const broader = [...want].find((w) => {
      const [wKey, wId] = split(w);
      return wKey === key && catalog.isA(id!, wId!);
    });
    return broader ?? g;
  }));
}

/** Imported item i is the curated item with the same request text, else the one at the same place. */
function alignItems(mine: Case, truth: Case): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return mine.items.map((item, i) => {
    const j = truth.items.findIndex((t) => norm(t.request) === norm(item.request));
    return String(j >= 0 ? j : i);
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
