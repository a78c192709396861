/**
 * The bundled document registry (rules/documents.yaml), read once. A ruleset without its own
 * documents.yaml is judged against it, so eras hold for every ruleset.
 */
import { fileURLToPath } from 'node:url';
import { InputError } from '../diagnostics/diagnostic.js';
import { DocumentRegistryFile } from '../model/document-schema.js';
import { validateYaml } from '../yaml/validate.js';
import { readYamlFile } from '../yaml/yaml-document.js';
import { DocumentRegistry } from './registry.js';

export const BUNDLED_DOCUMENTS_FILE = fileURLToPath(new URL('../../rules/documents.yaml', import.meta.url));

let bundled: DocumentRegistry | undefined;

export function bundledDocuments(): DocumentRegistry {
  if (bundled) return bundled;
  const v = validateYaml(DocumentRegistryFile, readYamlFile(BUNDLED_DOCUMENTS_FILE));
  if (!v.ok) throw new InputError(v.diagnostics);
  return (bundled = new DocumentRegistry(v.value.documents.map((d, index) => ({ ...d, file: BUNDLED_DOCUMENTS_FILE, index }))));
}
