/**
 * The formulary's data files (formulary/ in a ruleset) validate like rules: the policies file names
 * every policy the tool applies, and a drug list gives each drug once.
 */
import { FormularyPoliciesFile, DrugListFile, POLICY_IDS } from '../formulary/schema.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { validateYaml } from '../yaml/validate.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Report } from './locate.js';

export function checkFormulary(ruleset: Ruleset, report: Report, into: Diagnostic[]): void {
  for (const [file, y] of ruleset.files) {
    if (!/(^|\/)formulary\/[^/]+\.ya?ml$/.test(file)) continue;
    const isPolicies = typeof y.value === 'object' && y.value !== null && 'policies' in y.value;
    if (isPolicies) {
      const v = validateYaml(FormularyPoliciesFile, y);
      if (!v.ok) into.push(...v.diagnostics);
      else {
        const have = new Set(v.value.policies.map((p) => p.id));
        const missing = POLICY_IDS.filter((id) => !have.has(id));
        if (missing.length) report(file, ['policies'], 'missing-policy', `no policy for ${missing.join(', ')}: every formulary answer cites its policy`, { key: true });
      }
      continue;
    }
    const v = validateYaml(DrugListFile, y);
    if (!v.ok) {
      into.push(...v.diagnostics);
      continue;
    }
    const seen = new Set<string>();
    v.value.drugs.forEach((d, i) => {
      if (seen.has(d.ingredient)) report(file, ['drugs', i, 'ingredient'], 'duplicate-drug', `'${d.ingredient}' is listed twice`);
      seen.add(d.ingredient);
    });
  }
}
