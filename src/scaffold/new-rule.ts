/**
 * `mtus new rule <id>`: a rule file to fill in, with its citation (from the document registry when
 * --document names a document), one criterion and two examples. Every placeholder says TODO, lint
 * reports each TODO left (todo-left), and the examples fail until they describe real requests.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileDiagnostic, InputError } from '../diagnostics/diagnostic.js';
import { closestName } from '../diagnostics/suggest.js';
import type { InForcePeriod } from '../model/document-schema.js';
import { KEBAB_ID } from '../model/vocabulary.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';

export interface NewRuleOptions {
  /** a document of the registry (canonical name or alias) */
  document?: string;
  /** the catalog treatment or class the rule applies to */
  treatment?: string;
  /** where to write it; by default beside the rules citing the same document */
  out?: string;
}

export interface NewRule {
  file: string;
  text: string;
}

const q = (s: string) => JSON.stringify(s);

export function scaffoldRule(ruleset: Ruleset, id: string, opts: NewRuleOptions = {}): NewRule {
  if (!KEBAB_ID.test(id)) throw new InputError([fileDiagnostic(id, 'invalid-id', 'a rule id is kebab-case (lower-case words and digits joined by hyphens), e.g. odg-knee-brace')]);
  const doc = opts.document === undefined ? undefined : ruleset.documents.find(opts.document);
  if (opts.document !== undefined && !doc) {
    const names = ruleset.documents.documents.map((d) => d.name);
    const meant = closestName(opts.document, names);
    throw new InputError([fileDiagnostic('--document', 'unknown-document', `'${opts.document}' is not in the document registry (rules/documents.yaml)${meant ? ` (did you mean '${meant}'?)` : ''}`)]);
  }
  const treatment = opts.treatment;
  if (treatment !== undefined && !ruleset.catalog.isTreatment(treatment) && !ruleset.catalog.isClass(treatment)) {
    throw new InputError([fileDiagnostic('--treatment', 'unknown-treatment', `'${treatment}' is not a catalog treatment or class (mtus vocabulary treatments)`)]);
  }
  if (ruleset.rules.some((c) => c.rule.id === id)) throw new InputError([fileDiagnostic(id, 'duplicate-rule-id', 'a rule with this id exists already')]);
  const file = opts.out ?? join(ruleset.dir, folderFor(ruleset, doc?.name), `${id}.yaml`);
  if (existsSync(file)) throw new InputError([fileDiagnostic(file, 'exists', 'already exists: choose another id, or --out another file')]);

  const [first, ...later] = doc?.in_force ?? [];
  const schema = relative(dirname(file), join(ruleset.dir, 'schema', 'rule.schema.json')).split(sep).join('/');
  const applies = treatment === undefined ? 'treatments: [todo_treatment]  # TODO: catalog ids (mtus vocabulary treatments), or classes:' : ruleset.catalog.isClass(treatment) ? `classes: [${treatment}]` : `treatments: [${treatment}]`;
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '# Made by `mtus new rule`: replace every TODO (mtus lint lists those left), then `mtus test` this file.',
    `id: ${id}`,
    'title: "TODO: the recommendation, in one line"',
    'source:',
    `  document: ${q(doc?.name ?? 'TODO: a document of rules/documents.yaml')}`,
    `  edition: ${q(first?.edition ?? 'TODO: the edition')}`,
    '  section: "TODO: the section that states the recommendation"',
    '  pages: "TODO: pages"',
    '  quote: >-',
    "    TODO: the guideline's own words for the recommendation",
    '  verified: false',
    `effective: ${effective(first)}`,
    ...(later.length ? ['editions:', ...later.flatMap((p) => [
      '  - source:',
      `      document: ${q(doc!.name)}`,
      `      edition: ${q(p.edition ?? 'TODO: the edition')}`,
      '      section: "TODO: the section in this edition"',
      '      verified: false',
      `    effective: ${effective(p)}`,
    ])] : []),
    `applies_to: { ${applies} }`,
    'recommendation: conditional',
    'criteria:',
    '  all:',
    '    - id: first-criterion',
    `      text: "TODO: the first criterion, in the guideline's words."`,
    '      fact: weeks_since_injury  # TODO: the fact it compares (mtus vocabulary facts)',
    '      operator: greaterThanInclusive',
    '      value: 0',
    '      missing: "TODO: what the records must document for it"',
    'examples:',
    '  - name: "TODO: a request that meets every criterion"',
    '    item: { request: "TODO: the request as a letter words it" }',
    '    expect: { outcome: overturned }',
    '  - name: "TODO: a request that fails the first criterion"',
    '    item: { request: "TODO: the request as a letter words it" }',
    '    expect: { outcome: upheld, not_met: [first-criterion] }',
    '',
  ];
  return { file, text: lines.join('\n') };
}

function effective(p: InForcePeriod | undefined): string {
  if (!p) return '{ from: "TODO-01-01" }  # TODO: the first request date this edition applies to';
  return p.to ? `{ from: ${q(p.from)}, to: ${q(p.to)} }` : `{ from: ${q(p.from)} }`;
}

/** The top folder most rules citing the document live in (their topic folders vary), else `new/`. */
function folderFor(ruleset: Ruleset, document: string | undefined): string {
  const counts = new Map<string, number>();
  for (const c of ruleset.rules) {
    if (document === undefined || c.rule.source.document !== document) continue;
    const rel = relative(ruleset.dir, c.file.startsWith('/') ? c.file : join(process.cwd(), c.file)).split(sep);
    const folder = rel.length > 1 ? rel[0]! : '.';
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best?.[0] ?? 'new';
}
