/** `mtus import`: the imported cases (YAML for people, JSON for machines) and the comparison with curated cases. */
import { caseToYaml } from '../import/case/case-yaml.js';
import type { ComparisonReport } from '../import/compare/compare-cases.js';
import type { ImportOutcome } from '../import/import-letter.js';
import { cell, type Reporter } from './reporter.js';

export interface ImportRun {
  outcomes: ImportOutcome[];
  /** case files written with -o, by letter */
  written: { file: string; path: string; items: number }[] | undefined;
}

const imported = (r: ImportRun) => r.outcomes.filter((o): o is Extract<ImportOutcome, { ok: true }> => o.ok);

export const importReporter: Reporter<ImportRun> = {
  json: (r) => r.outcomes.map((o) => (o.ok ? { file: o.file, ok: true, case: o.kase, notices: o.notices, unrecognised: o.unrecognised } : o)),
  text(r) {
    const unread = (file: string) => (imported(r).find((o) => o.file === file)?.unrecognised ?? []).map((t) => `unrecognised request: "${t}"`);
    if (r.written) {
      return r.written.map((w) => [`${w.file} -> ${w.path} (${w.items} item${w.items === 1 ? '' : 's'})`, ...unread(w.file).map((l) => `  ${l}`)].join('\n')).join('\n');
    }
    // Without -o the cases themselves are the output: one YAML document per letter, the lines
    // that could not be read noted in a comment above it.
    return imported(r).map((o) => [...unread(o.file).map((l) => `# ${l}\n`), caseToYaml(o.kase)].join('')).join('---\n');
  },
  markdown(r) {
    return [
      '| letter | case | items | outcomes | unrecognised requests |',
      '|---|---|---:|---|---|',
      ...r.outcomes.map((o) =>
        o.ok
          ? `| ${cell(o.file)} | ${cell(o.kase.id)} | ${o.kase.items.length} | ${o.kase.items.map((i) => i.actual?.outcome ?? '?').join(', ')} | ${cell(o.unrecognised.join('; '))} |`
          : `| ${cell(o.file)} | not imported | | ${cell(o.error)} | |`,
      ),
    ].join('\n');
  },
};

const pct = (n: number | undefined) => (n === undefined ? '   -  ' : `${(n * 100).toFixed(1).padStart(5)}%`);

export const comparisonReporter: Reporter<ComparisonReport> = {
  json: (r) => r,
  text(r) {
    const lines = [`${r.compared.length} letters compared with curated cases${r.not_imported.length ? `; not imported: ${r.not_imported.join(', ')}` : ''}`, ''];
    lines.push(`${'fact kind'.padEnd(20)} precision  recall    tp   fp   fn`);
    for (const k of r.kinds) {
      lines.push(`${k.kind.padEnd(20)} ${pct(k.precision)}    ${pct(k.recall)} ${String(k.true_positives).padStart(5)}${String(k.false_positives).padStart(5)}${String(k.false_negatives).padStart(5)}`);
    }
    return lines.join('\n');
  },
  markdown(r) {
    return [
      `${r.compared.length} letters compared with curated cases.`,
      '',
      '| fact kind | precision | recall | tp | fp | fn |',
      '|---|---:|---:|---:|---:|---:|',
      ...r.kinds.map((k) => `| ${k.kind} | ${pct(k.precision).trim()} | ${pct(k.recall).trim()} | ${k.true_positives} | ${k.false_positives} | ${k.false_negatives} |`),
    ].join('\n');
  },
};
