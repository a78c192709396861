/**
 * A validated ruleset as JSON, keyed by the ruleset revision and the format code, so a command
 * that runs against unchanged rules skips YAML parsing and validation (most of its start-up).
 * Positions are not kept: lint always reads the YAML, and reports re-read it on demand.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../cli/write-file.js';
import type { CatalogData } from '../catalog/catalog.js';
import type { CriterionNode, Rule } from '../model/rule-schema.js';
import type { Presumption } from '../model/presumption-schema.js';
import type { PathSegment } from '../yaml/yaml-document.js';
import type { DocumentEntry } from '../eras/registry.js';

export interface SnapshotContent {
  data: CatalogData;
  shared: { id: string; everyRule: boolean; node: CriterionNode; file: string; path: PathSegment[] }[];
  presumptions: { presumption: Presumption; file: string; path: PathSegment[] }[];
  rules: { rule: Rule; file: string }[];
  /** the ruleset's own documents.yaml, when it has one */
  documents?: DocumentEntry[];
}

/** The file formats' own code: a snapshot written by other schemas is never read. */
const FORMAT = (() => {
  const dir = fileURLToPath(new URL('../model/', import.meta.url));
  const hash = createHash('sha256').update('snapshot-1');
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest('hex').slice(0, 12);
})();

function snapshotFile(revision: string): string | undefined {
  if (process.env.MTUS_NO_CACHE) return undefined;
  const dir = process.env.MTUS_CACHE_DIR ?? join(tmpdir(), 'mtus-rules-cache');
  return join(dir, `${revision}-${FORMAT}.json`);
}

export function readSnapshot(revision: string): SnapshotContent | undefined {
  const file = snapshotFile(revision);
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SnapshotContent;
  } catch {
    return undefined; // a damaged snapshot is simply rebuilt
  }
}

export function writeSnapshot(revision: string, content: SnapshotContent): void {
  const file = snapshotFile(revision);
  if (!file) return;
  try {
    writeFileAtomic(file, JSON.stringify(content));
  } catch {
    // A read-only temporary directory only costs speed.
  }
}
