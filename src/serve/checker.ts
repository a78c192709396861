/**
 * What the API and the CDS service share: one ruleset, loaded once, and the historical agreement;
 * a case validated as the CLI validates it (catalog tags included); predictions in the
 * `mtus check --json` shape.
 */
import type { Agreement } from '../advice/agreement.js';
import { checkCaseSemantics } from '../cases/case-semantics.js';
import { InputError } from '../diagnostics/diagnostic.js';
import { Case } from '../model/case-schema.js';
import { evaluateCase } from '../predict/evaluate-case.js';
import { checkJson } from '../report/check-report.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { ProblemError, problemType, type ProblemDetail } from './problem.js';

export type CheckJson = ReturnType<typeof checkJson>;

export class Checker {
  constructor(readonly ruleset: Ruleset, readonly agreement: Agreement | undefined) {}

  /** The case, or a 422 problem naming each path that is wrong (an unknown tag with a suggestion). */
  validCase(body: unknown): Case {
    const parsed = Case.safeParse(body);
    if (!parsed.success) {
      throw invalid(parsed.error.issues.map((i) => ({ pointer: pointer(i.path), detail: `${pointer(i.path) || '/'}: ${i.message}` })));
    }
    const problems = checkCaseSemantics(parsed.data, this.ruleset.catalog);
    if (problems.length > 0) throw invalid(problems.map((p) => ({ pointer: pointer(p.path), detail: `${pointer(p.path)}: ${p.code}: ${p.message}` })));
    return parsed.data;
  }

  async check(kase: Case, opts: { asOf?: string; item?: number } = {}): Promise<CheckJson> {
    if (opts.item !== undefined && opts.item > kase.items.length) {
      throw new ProblemError({ type: problemType('no-such-item'), title: 'No such item', status: 422, detail: `item ${opts.item}: the case has ${kase.items.length} item(s)` });
    }
    try {
      const result = await evaluateCase(this.ruleset, kase, {
        ...(opts.asOf ? { asOf: opts.asOf } : {}),
        ...(opts.item !== undefined ? { item: opts.item } : {}),
        ...(this.agreement ? { agreement: this.agreement } : {}),
      });
      return checkJson(result);
    } catch (e) {
      // What the case alone cannot say is wrong: a date to judge at before the injury or after today.
      if (e instanceof InputError) throw new ProblemError({ type: problemType('invalid-case'), title: 'The case is not valid', status: 422, detail: e.diagnostics.map((d) => `${d.code}: ${d.message}`).join('; ') });
      throw e;
    }
  }
}

function invalid(errors: ProblemDetail[]): ProblemError {
  return new ProblemError({ type: problemType('invalid-case'), title: 'The case is not valid', status: 422, detail: `${errors.length} problem${errors.length === 1 ? '' : 's'} in the case`, errors });
}

function pointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
