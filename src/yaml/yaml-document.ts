/**
 * YAML parsing that keeps positions, so any problem found later (schema, lint) can be reported
 * at the file, line and column of the offending node or key.
 */
import { LineCounter, parseDocument, isAlias, isMap, isSeq, isScalar, isPair, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readInputText } from '../io/read-input.js';

/** Aliases may repeat a value this many times in all: more is an "alias bomb", refused. */
const MAX_ALIAS_COUNT = 100;
/** No case, rule or catalog nests nearly this deep; deeper input is refused before validation recurses into it. */
export const MAX_DEPTH = 64;

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
  const at = (offset: number, code: string, message: string): Diagnostic => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col, code, message };
  };
  // A tag the YAML library cannot resolve (!js/function, !python/object) is never meant in our files.
  const unresolved = doc.warnings.filter((w) => /Unresolved tag/.test(w.message));
  const syntaxErrors: Diagnostic[] = [...doc.errors, ...unresolved].map((e) => {
    const firstLine = e.message.split('\n')[0] ?? e.message;
    if (/call stack/i.test(firstLine)) return at(e.pos[0], 'too-deep', `nested too deeply (more than ${MAX_DEPTH} levels)`);
    return at(e.pos[0], 'yaml-syntax', firstLine.replace(/ at line \d+, column \d+.*$/, ''));
  });
  // The parser may run out of stack at several places in one deep structure: one problem, once.
  const deepAt = syntaxErrors.findIndex((d) => d.code === 'too-deep');
  if (deepAt >= 0) return { file, text, doc, lines, value: undefined, syntaxErrors: [syntaxErrors[deepAt]!] };
  if (syntaxErrors.length > 0) return { file, text, doc, lines, value: undefined, syntaxErrors };
  const deep = deepestNode(doc);
  if (deep) return { file, text, doc, lines, value: undefined, syntaxErrors: [at(deep, 'too-deep', `nested too deeply (more than ${MAX_DEPTH} levels)`)] };
  try {
    return { file, text, doc, lines, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), syntaxErrors };
  } catch (e) {
    const message = /alias/i.test((e as Error).message)
      ? `aliases expand to too many copies (more than ${MAX_ALIAS_COUNT}): write the values out`
      : `cannot be read as data: ${(e as Error).message}`;
    return { file, text, doc, lines, value: undefined, syntaxErrors: [at(firstAlias(doc) ?? 0, 'yaml-aliases', message)] };
  }
}

/** Reads and parses `path`; diagnostics name the file as `shownAs` (the path users typed). */
export function readYamlFile(path: string, shownAs: string = path): YamlFile {
  return parseYaml(shownAs, readInputText(path, shownAs));
}

/** The offset of the first collection nested deeper than MAX_DEPTH, found without recursion. */
function deepestNode(doc: Document.Parsed): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) return rangeStart(node) ?? 0;
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node)) offset = rangeStart(node);
      return visit.BREAK;
    },
  });
  return offset;
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
