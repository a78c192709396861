/**
 * The MTUS Drug Formulary (8 CCR 9792.27.1-9792.27.23) as a library: whether a drug request needs
 * authorization through prospective review, and why. `mtus formulary`, `mtus check` and the web
 * server call `answerFormulary`.
 */
import { bundledDocuments } from '../eras/bundled-documents.js';
import type { DocumentRegistry } from '../eras/registry.js';
import { formularyPolicies, readDrugList } from './data.js';
import { formularyStart } from './in-force.js';
import { formularyAnswer, type FormularyAnswer, type FormularyRequest } from './decide.js';

export { formularyAnswer } from './decide.js';
export type { FormularyAnswer, FormularyRequest, FormularyCheck, FillCheck, FormularyCitation, FormularyStatus } from './decide.js';
export { DrugList, readDrugList, formularyPolicies, BUNDLED_DRUG_LIST } from './data.js';
export { DrugListFile, DrugListEntry, FormularyPoliciesFile } from './schema.js';
export { loadDwcDrugList } from './load-dwc.js';

/** The first date of service the formulary applies to, from the document registry. */
export function formularyInForceFrom(registry: DocumentRegistry = bundledDocuments()): string {
  return formularyStart(registry);
}

export interface AnswerOptions {
  /** a drug list file (YAML, as `mtus formulary load` writes); the bundled partial list by default */
  list?: string;
  registry?: DocumentRegistry;
}

export function answerFormulary(req: FormularyRequest, opts: AnswerOptions = {}): FormularyAnswer {
  return formularyAnswer(req, { list: readDrugList(opts.list), policies: formularyPolicies(), inForceFrom: formularyInForceFrom(opts.registry) });
}
