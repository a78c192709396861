/**
 * YAML parsing that keeps positions, so any problem found later (schema, lint) can be reported
 * at the file, line and column of the offending node or key.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export type PathSegment = string | number;

export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** the plain JS value; only meaningful when `syntaxErrors` is empty */
  value: unknown;
  syntaxErrors: Diagnostic[];
}

export function parseYaml(file: string, text: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors: Diagnostic[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    const firstLine = e.message.split('\n')[0] ?? e.message;
    return { file, line: pos.line, column: pos.col, code: 'yaml-syntax', message: firstLine.replace(/ at line \d+, column \d+.*$/, '') };
  });
  const value = syntaxErrors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  return { file, text, doc, lines, value, syntaxErrors };
}

/** Reads and parses `path`; diagnostics name the file as `shownAs` (the path users typed). */
export function readYamlFile(path: string, shownAs: string = path): YamlFile {
  return parseYaml(shownAs, readFileSync(path, 'utf8'));
}

export interface Position {
  line: number;
  column: number;
}

/**
 * The position of the node at `path`, or of the deepest existing ancestor when the path does not
 * exist (a missing key is reported at the map that lacks it). With `key`, the position of the map
 * key itself, which is where an editor should point for an unknown or misspelt key.
 */
export function positionOf(y: YamlFile, path: readonly PathSegment[], opts: { key?: boolean } = {}): Position {
  let node: unknown = y.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && scalarValue(p.key) === String(seg));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (isLast && opts.key && keyStart !== undefined) {
        offset = keyStart;
        node = undefined;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const pos = y.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

function scalarValue(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}
