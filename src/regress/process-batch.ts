/** The unit of regression work, the same on the main thread and in workers: units in, outcomes out. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { parseRecord } from './inputs.js';
import { caseOutcomes, type ItemOutcome } from './item-outcome.js';
import { unitRecords, type WorkUnit } from './work-units.js';

export interface BatchResult {
  outcomes: ItemOutcome[];
  problems: Diagnostic[];
  notices: string[];
  /** how many records (cases) the batch held, read or not */
  records: number;
}

export async function processBatch(ruleset: Ruleset, units: readonly WorkUnit[]): Promise<BatchResult> {
  const outcomes: ItemOutcome[] = [];
  const problems: Diagnostic[] = [];
  const notices: string[] = [];
  let records = 0;
  for (const unit of units) {
    for (const record of unitRecords(unit)) {
      records++;
      const parsed = await parseRecord(record, ruleset.catalog);
      if (!parsed.ok) problems.push(...parsed.problems);
      else {
        notices.push(...(parsed.input.notices ?? []));
        outcomes.push(...(await caseOutcomes(ruleset, parsed.input)));
      }
    }
  }
  return { outcomes, problems, notices, records };
}
