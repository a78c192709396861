/**
 * Reads the formulary's data: the policies (always the bundled ones) and a drug list (the bundled
 * partial list, or a list file the user brings). Invalid files are located input errors.
 */
import { fileURLToPath } from 'node:url';
import { InputError } from '../diagnostics/diagnostic.js';
import { validateYaml } from '../yaml/validate.js';
import { readYamlFile } from '../yaml/yaml-document.js';
import { DrugListFile, FormularyPoliciesFile, type DrugListEntry, type FormularyPolicy, type PolicyId } from './schema.js';

export const BUNDLED_DRUG_LIST = fileURLToPath(new URL('../../rules/formulary/mtus-drug-list.yaml', import.meta.url));
export const BUNDLED_POLICIES = fileURLToPath(new URL('../../rules/formulary/policies.yaml', import.meta.url));

export type Policies = ReadonlyMap<PolicyId, FormularyPolicy>;

let policies: Policies | undefined;
const lists = new Map<string, DrugList>();

export function formularyPolicies(): Policies {
  if (policies) return policies;
  const v = validateYaml(FormularyPoliciesFile, readYamlFile(BUNDLED_POLICIES));
  if (!v.ok) throw new InputError(v.diagnostics);
  return (policies = new Map(v.value.policies.map((p) => [p.id, p])));
}

/** A drug list with lookup by ingredient, other name or brand (case-insensitive). */
export class DrugList {
  private readonly byName = new Map<string, DrugListEntry>();

  constructor(readonly meta: DrugListFile['list'], readonly drugs: readonly DrugListEntry[], readonly file: string) {
    for (const d of drugs) {
      for (const n of [d.ingredient, ...(d.names ?? []), ...(d.brands ?? [])]) {
        const k = norm(n);
        if (!this.byName.has(k)) this.byName.set(k, d);
      }
    }
  }

  /** The entry for a name, or for the first listed name a request text contains. */
  find(name: string): DrugListEntry | undefined {
    const exact = this.byName.get(norm(name));
    if (exact) return exact;
    const text = ` ${norm(name)} `;
    const hits = [...this.byName.entries()].filter(([k]) => text.includes(` ${k} `)).sort((a, b) => b[0].length - a[0].length);
    if (hits[0]) return hits[0][1];
    // An official list names combinations by their ingredients ("hydrocodone bitartrate/acetaminophen").
    const word = norm(name);
    return this.drugs.find((d) => norm(d.ingredient).split(/[\s/]+/).includes(word));
  }

  /** The brand name a request text names, if any. */
  brandIn(entry: DrugListEntry, text: string): string | undefined {
    const t = ` ${norm(text)} `;
    return entry.brands?.find((b) => t.includes(` ${norm(b)} `));
  }
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[_]/g, ' ').replace(/[^a-z0-9%/.-]+/g, ' ').trim();
}

export function drugListFrom(file: DrugListFile, path: string): DrugList {
  return new DrugList(file.list, file.drugs, path);
}

export function readDrugList(path: string = BUNDLED_DRUG_LIST): DrugList {
  const cached = lists.get(path);
  if (cached) return cached;
  const v = validateYaml(DrugListFile, readYamlFile(path));
  if (!v.ok) throw new InputError(v.diagnostics);
  const list = drugListFrom(v.value, path);
  lists.set(path, list);
  return list;
}
