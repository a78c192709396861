/** When the formulary starts to apply, read from a document registry (no schema, no data files). */
import type { DocumentRegistry } from '../eras/registry.js';

export function formularyStart(registry: DocumentRegistry): string {
  const doc = registry.documents.find((d) => d.role === 'formulary');
  return doc?.in_force.map((p) => p.from).sort()[0] ?? '2018-01-01';
}
