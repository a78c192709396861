/**
 * A validated ruleset kept in the user's cache, so a command that runs against unchanged rules
 * skips YAML parsing, schema validation and the semantic checks (most of its start-up).
 *
 * One file per ruleset directory and build of the code. Its first line is a header: the
 * directory, the revision, a stamp of every rule file (size, times, inode and a content hash) and
 * a checksum of the rest, the content as JSON. Proving it fresh costs a stat per file; a file
 * whose stat changed, or that changed too recently for its times to be trusted, is hashed, and
 * only a changed content makes the snapshot stale. A snapshot is trusted only whole: a header of
 * the wrong shape, a checksum that does not match or content that does not build is reported
 * and rebuilt, never used. File names are kept relative to the ruleset, so a ruleset moved or
 * copied elsewhere reports its current paths.
 */
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../cli/write-file.js';
import { cacheError, cacheNotice, ensureCacheDir, cacheDir } from '../cache/cache-dir.js';
import { buildId } from './build-id.js';
import { isYaml, listFiles } from './files.js';
import { contentName, type RulesetContent } from './ruleset.js';
import { ascii, decodeContent, encodeContent } from './snapshot-format.js';

/** What identifies one rule file's content without reading it. */
export interface SourceStamp {
  name: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  sha: string;
}

interface Header {
  kind: 'mtus-ruleset-snapshot';
  build: string;
  dir: string;
  revision: string;
  /** when the stamps were taken: files modified less than RACY_MS before are always hashed */
  stamped: number;
  files: SourceStamp[];
  checksum: string;
}

/** File times can be this coarse (FAT, some network file systems): closer than this, hash. */
const RACY_MS = 2000;

export type SnapshotRead =
  | { status: 'fresh'; file: string; revision: string; content: RulesetContent; restamped: SourceStamp[] | undefined }
  | { status: 'off' | 'absent' | 'stale'; file: string | undefined }
  | { status: 'damaged'; file: string; why: string };

/**
 * A file's content hash, for a file whose stat changed. node:crypto is loaded only then: it costs
 * more to load than a warm start spends on everything else it reads.
 */
let crypto: typeof import('node:crypto') | undefined;
export function contentHash(text: string | Buffer): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The checksum that proves the content is what was written (damage, not forgery: the cache is private). */
const checksum = (payload: string) => `crc32:${crc32(payload).toString(16)}:${Buffer.byteLength(payload)}`;

export function stampOf(name: string, st: Stats, text: string | Buffer): SourceStamp {
  return { name, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, sha: contentHash(text) };
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** The snapshot file for a ruleset directory, or undefined when caching is off. */
export function snapshotFile(dir: string): string | undefined {
  const root = cacheDir();
  if (!root) return undefined;
  return join(root, `ruleset-${crc32(realDir(dir)).toString(16).padStart(8, '0')}-${buildId()}.snap`);
}

export function readSnapshot(dir: string): SnapshotRead {
  const file = snapshotFile(dir);
  if (!file) return { status: 'off', file };
  let raw: string;
  try {
    // Written in ASCII: anything else there is damage, which the checksum then finds.
    raw = readFileSync(file, 'latin1');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent', file };
    return { status: 'damaged', file, why: code === 'EISDIR' ? 'it is a directory' : `unreadable (${code ?? (e as Error).message})` };
  }
  const cut = raw.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(cut < 0 ? raw : raw.slice(0, cut));
  } catch {
    return { status: 'damaged', file, why: 'its header is not JSON' };
  }
  if (!isHeader(header)) return { status: 'damaged', file, why: 'its header has the wrong shape' };
  if (header.build !== buildId() || header.dir !== realDir(dir)) return { status: 'stale', file };
  const restamped = freshStamps(dir, header);
  if (restamped === 'stale') return { status: 'stale', file };
  const payload = raw.slice(cut + 1);
  if (checksum(payload) !== header.checksum) return { status: 'damaged', file, why: 'its checksum does not match its content' };
  let content: unknown;
  try {
    content = decodeContent(payload);
  } catch {
    return { status: 'damaged', file, why: 'its content is not JSON' };
  }
  if (!isContent(content)) return { status: 'damaged', file, why: 'its content has the wrong shape' };
  return { status: 'fresh', file, revision: header.revision, content, restamped };
}

/**
 * The stamps again when every file is unchanged ('stale' otherwise): undefined when no stat
 * changed, new stamps to record when some stat changed but the content did not.
 */
function freshStamps(dir: string, header: Header): SourceStamp[] | undefined | 'stale' {
  const inDir = listFiles(dir, isYaml);
  // Files from outside the directory the ruleset depends on (the bundled documents) come last.
  const outside = header.files.slice(inDir.length).map((f) => f.name);
  if (!outside.every((name) => isAbsolute(name))) return 'stale';
  const paths = [...inDir, ...outside];
  if (paths.length !== header.files.length) return 'stale';
  let changed = false;
  const stamps: SourceStamp[] = [];
  for (let i = 0; i < paths.length; i++) {
    const old = header.files[i]!;
    if (contentName(dir, paths[i]!) !== old.name) return 'stale';
    const st = statSync(paths[i]!, { throwIfNoEntry: false });
    if (!st) return 'stale';
    const same = st.size === old.size && st.mtimeMs === old.mtimeMs && st.ctimeMs === old.ctimeMs && st.ino === old.ino;
    if (same && old.mtimeMs < header.stamped - RACY_MS) {
      stamps.push(old);
      continue;
    }
    const now = stampOf(old.name, st, readFileSync(paths[i]!));
    if (now.sha !== old.sha) return 'stale';
    // Restamp when a stat changed, or when a file too recent to trust before is old enough now.
    changed ||= !same || st.mtimeMs < Date.now() - RACY_MS;
    stamps.push(now);
  }
  return changed ? stamps : undefined;
}

/** Writes the snapshot whole, replacing this ruleset's snapshots from other builds. */
export function writeSnapshot(dir: string, revision: string, stamps: SourceStamp[], stamped: number, content: RulesetContent): void {
  if (!ensureCacheDir()) return;
  const file = snapshotFile(dir)!;
  const payload = encodeContent(content);
  const header: Header = { kind: 'mtus-ruleset-snapshot', build: buildId(), dir: realDir(dir), revision, stamped, files: stamps, checksum: checksum(payload) };
  try {
    writeFileAtomic(file, `${ascii(JSON.stringify(header))}\n${payload}`);
  } catch (e) {
    throw cacheError(file, e);
  }
  pruneSnapshots(file);
}

/**
 * Removes the snapshots this one replaces (the same ruleset under other builds) and those of
 * rulesets that no longer exist, so the cache does not grow with every build or temporary ruleset.
 */
function pruneSnapshots(kept: string): void {
  const dir = dirname(kept);
  const prefix = basename(kept).slice(0, basename(kept).lastIndexOf('-') + 1);
  for (const other of readdirSync(dir)) {
    if (!other.startsWith('ruleset-') || !other.endsWith('.snap') || other === basename(kept)) continue;
    const path = join(dir, other);
    try {
      if (other.startsWith(prefix) || !rulesetExists(path)) unlinkSync(path);
    } catch {
      // another run removed it first, or it is not ours to remove: it only costs space
    }
  }
}

/** Whether the ruleset directory a snapshot's header names still exists (its first bytes say). */
function rulesetExists(snapshot: string): boolean {
  const fd = openSync(snapshot, 'r');
  try {
    const head = Buffer.alloc(4096);
    const text = head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0));
    const dir = /"dir":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
    return dir === undefined || existsSync(JSON.parse(dir) as string);
  } finally {
    closeSync(fd);
  }
}

/** Reports a damaged snapshot once, on stderr; the caller rebuilds and replaces it. */
export function reportDamaged(read: Extract<SnapshotRead, { status: 'damaged' }>): void {
  cacheNotice(read.file, `not a usable ruleset snapshot (${read.why}); rebuilding it`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isStamp(v: unknown): v is SourceStamp {
  return isObject(v) && isString(v.name) && isNumber(v.size) && isNumber(v.mtimeMs) && isNumber(v.ctimeMs) && isNumber(v.ino) && isString(v.sha);
}

function isHeader(v: unknown): v is Header {
  return isObject(v) && v.kind === 'mtus-ruleset-snapshot' && isString(v.build) && isString(v.dir) && isString(v.revision)
    && isNumber(v.stamped) && isString(v.checksum) && Array.isArray(v.files) && v.files.every(isStamp);
}

/**
 * The frame of the content (the rules themselves were validated by the schema before they were
 * written, and the checksum proves they are what was written); what does not compile is caught
 * when the ruleset is built.
 */
function isContent(v: unknown): v is RulesetContent {
  if (!isObject(v) || !isObject(v.data) || !Array.isArray(v.shared) || !Array.isArray(v.rules)) return false;
  const { data } = v;
  const entries = (list: unknown) => Array.isArray(list) && list.every((e) => isObject(e) && isString(e.id));
  if (!entries(data.treatments) || !entries(data.classes) || !entries(data.conditions) || !entries(data.findings)) return false;
  const presumptions = Array.isArray(v.presumptions) && v.presumptions.every((p) => isObject(p) && isObject(p.presumption) && isString(p.presumption.id) && isString(p.file) && Array.isArray(p.path));
  const shared = v.shared.every((s) => isObject(s) && isString(s.id) && typeof s.everyRule === 'boolean' && isObject(s.node) && isString(s.file) && Array.isArray(s.path));
  const rules = v.rules.every((r) => isObject(r) && isString(r.file) && isObject(r.rule) && isString(r.rule.id) && isObject(r.rule.applies_to));
  const documents = isObject(v.documents) && typeof v.documents.bundled === 'boolean' && Array.isArray(v.documents.entries)
    && v.documents.entries.every((d) => isObject(d) && isString(d.name));
  return presumptions && shared && rules && documents;
}
