/** The unit of regression work, the same on the main thread and in workers: records in, outcomes out. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { parseRecord, type InputRecord } from './inputs.js';
import { caseOutcomes, type ItemOutcome } from './item-outcome.js';

export interface BatchResult {
  outcomes: ItemOutcome[];
  problems: Diagnostic[];
  notices: string[];
  /** how many records (cases) the batch held, read or not */
  records: number;
}

export async function processBatch(ruleset: Ruleset, records: readonly InputRecord[]): Promise<BatchResult> {
  const outcomes: ItemOutcome[] = [];
  const problems: Diagnostic[] = [];
  const notices: string[] = [];
  for (const record of records) {
    const parsed = await parseRecord(record, ruleset.catalog);
    if (!parsed.ok) problems.push(...parsed.problems);
    else {
      notices.push(...(parsed.input.notices ?? []));
      outcomes.push(...(await caseOutcomes(ruleset, parsed.input)));
    }
  }
  return { outcomes, problems, notices, records: records.length };
}
