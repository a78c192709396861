/**
 * Reads DWC's published MTUS Drug List (CSV, or an .xlsx spreadsheet) into the drug-list data form,
 * so a user can bring the current official list. Columns are found by their headings ("Drug
 * Ingredient", "Exempt/Non-Exempt", "Special Fill", "Perioperative Fill", "Reference in ACOEM
 * Guidelines", "Drug Class"); a row that cannot be read is a located error naming the row and column.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { compareDiagnostics, InputError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { displayPath } from '../ruleset/files.js';
import type { DrugListEntry, DrugListFile } from './schema.js';

type Cell = string | number | boolean | Date | null | undefined;

const COLUMNS = {
  ingredient: /ingredient|^drug( name)?$|generic name/i,
  status: /exempt/i,
  special: /special\s*fill/i,
  periop: /peri-?\s*operative/i,
  topics: /reference|acoem|guideline/i,
  drugClass: /class/i,
} as const;
type Column = keyof typeof COLUMNS;

export interface LoadOptions {
  /** the list version, e.g. "v.6"; read from the file name when absent */
  version?: string;
  /** the date the list took effect; read from the file name when absent */
  effective?: string;
}

/** Reads a DWC drug list file into the drug-list form; bad rows throw InputError with every problem located. */
export async function loadDwcDrugList(path: string, opts: LoadOptions = {}): Promise<DrugListFile> {
  const shown = displayPath(path);
  const rows = await readRows(path);
  const problems: Diagnostic[] = [];
  const problem = (row: number, column: number, message: string) => problems.push({ file: shown, line: row + 1, column: column + 1, code: 'drug-list-row', message });

  const headerRow = rows.findIndex((r) => r.some((c) => COLUMNS.ingredient.test(text(c))) && r.some((c) => COLUMNS.status.test(text(c))));
  if (headerRow < 0) throw new InputError([{ file: shown, line: 1, column: 1, code: 'drug-list-header', message: 'no heading row naming the drug ingredient and its Exempt/Non-Exempt status' }]);
  const columns = columnsOf(rows[headerRow]!);

  const drugs: DrugListEntry[] = [];
  for (let r = headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const ingredient = text(row[columns.ingredient!]).toLowerCase();
    if (!ingredient) continue; // blank lines and section breaks
    const statusText = text(row[columns.status!]);
    const status = /non/i.test(statusText) ? 'non_exempt' : /exempt/i.test(statusText) ? 'exempt' : undefined;
    if (!status) {
      problem(r, columns.status!, `'${statusText}' is not Exempt or Non-Exempt (drug '${ingredient}')`);
      continue;
    }
    const entry: DrugListEntry = { ingredient, status, verified: true };
    for (const [key, column] of [['special_fill_days', columns.special], ['perioperative_fill_days', columns.periop]] as const) {
      if (column === undefined) continue;
      const days = fillDays(row[column]);
      if (days === 'unreadable') problem(r, column, `'${text(row[column])}' gives no number of days of supply (drug '${ingredient}')`);
      else if (days !== undefined) entry[key] = days;
    }
    if (columns.topics !== undefined) {
      const topics = text(row[columns.topics]).split(/[;\n]|,(?![^(]*\))/).map((t) => t.replace(/[✓✕⦸*]/g, '').trim()).filter(Boolean);
      if (topics.length) entry.acoem_topics = topics;
    }
    if (columns.drugClass !== undefined && text(row[columns.drugClass])) entry.drug_class = text(row[columns.drugClass]);
    drugs.push(entry);
  }
  if (drugs.length === 0 && problems.length === 0) problems.push({ file: shown, line: headerRow + 2, column: 1, code: 'drug-list-row', message: 'no drug rows under the heading row' });
  const version = opts.version ?? /v\.?\s*(\d+)/i.exec(basename(path))?.[0]?.replace(/\s+/g, '');
  const effective = opts.effective ?? dateInName(basename(path));
  if (!version) problems.push({ file: shown, line: 1, column: 1, code: 'drug-list-version', message: 'the list version is not in the file name: give --list-version (e.g. v.6)' });
  if (!effective) problems.push({ file: shown, line: 1, column: 1, code: 'drug-list-version', message: 'the effective date is not in the file name: give --effective YYYY-MM-DD' });
  if (problems.length > 0) throw new InputError(problems.sort(compareDiagnostics));
  return {
    list: { version: version!, effective: effective!, complete: true, source: `DWC MTUS Drug List ${version}, read from ${basename(path)} by mtus formulary load` },
    drugs,
  };
}

async function readRows(path: string): Promise<Cell[][]> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return (await readSheet(path)) as Cell[][];
  if (ext === '.csv' || ext === '.txt') return parseCsv(readFileSync(path, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: false }) as Cell[][];
  throw new InputError([{ file: displayPath(path), line: 1, column: 1, code: 'drug-list-format', message: `expected a .csv or .xlsx file, not '${ext || 'no extension'}'` }]);
}

function columnsOf(header: Cell[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  // Most specific first: "Special Fill" also matches nothing else, "Exempt/Non-Exempt" is the status.
  const order: Column[] = ['special', 'periop', 'ingredient', 'status', 'drugClass', 'topics'];
  for (const col of order) {
    const i = header.findIndex((c, k) => COLUMNS[col].test(text(c)) && !Object.values(out).includes(k));
    if (i >= 0) out[col] = i;
  }
  return out;
}

function text(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).replace(/\s+/g, ' ').trim();
}

/** A fill cell: empty or "no" is none; a number of days is the limit; a mark without days cannot be read. */
function fillDays(c: Cell): number | undefined | 'unreadable' {
  const t = text(c);
  if (!t || /^(no|n\/a|-|–)$/i.test(t)) return undefined;
  const n = /(\d+)/.exec(t);
  return n ? Number(n[1]) : 'unreadable';
}

/** "Effective 10-01-2018", "10012018", "2018-10-01" in a file name. */
function dateInName(name: string): string | undefined {
  const iso = /(20\d\d)-(\d\d)-(\d\d)/.exec(name);
  if (iso) return iso[0];
  const us = /(\d\d)[-_.]?(\d\d)[-_.]?(20\d\d)/.exec(name);
  return us ? `${us[3]}-${us[1]}-${us[2]}` : undefined;
}
