/**
 * The formats of rules/reasons/: the closed vocabulary of reason codes with the default code of
 * each fact (reason-codes.yaml), and the reviewer phrases the rationale reader looks for
 * (rationale-phrases.yaml). Codes are data, so every code named anywhere is checked against the list.
 */
import { z } from 'zod';
import { IDENTIFIER } from '../model/vocabulary.js';

const code = z.string().regex(IDENTIFIER, 'a snake_case reason code');

/** A fact's code, plain or refined by tag, operator, rule kind and documentation. */
const FactReason = z.union([
  code,
  z.strictObject({
    code,
    tags: z.record(z.string(), code).optional().describe('by the `tag` parameter'),
    red_flags: code.optional().describe('for a tag the catalog marks red_flag (after `tags`)'),
    operators: z.record(z.string(), code).optional().describe('by the comparison operator'),
    negated: code.optional().describe('when the criterion asks a yes/no fact to be false'),
    studies: code.optional().describe('in a rule about a study (study_kinds)'),
    undocumented: code.optional().describe('when the fact is not documented at all'),
  }),
]);
export type FactReason = z.infer<typeof FactReason>;

export const ReasonCodesFile = z
  .strictObject({
    $schema: z.string().optional(),
    codes: z.array(z.strictObject({ id: code, definition: z.string().min(1).describe('one sentence') })).min(1),
    generic: code.describe('the code used only when no specific one applies'),
    verdict: code.describe('the code of a treatment the guideline does not recommend at all'),
    study_kinds: z.array(z.string().min(1)).describe('treatment kinds that are studies'),
    facts: z.record(z.string(), FactReason).describe('the default code of a criterion by its fact'),
  })
  .superRefine((file, ctx) => {
    const known = new Set(file.codes.map((c) => c.id));
    const check = (value: string | undefined, path: (string | number)[]) => {
      if (value !== undefined && !known.has(value)) ctx.addIssue({ code: 'custom', path, message: `'${value}' is not a reason code (codes: ${[...known].join(', ')})` });
    };
    file.codes.forEach((c, i) => {
      if (file.codes.findIndex((d) => d.id === c.id) !== i) ctx.addIssue({ code: 'custom', path: ['codes', i, 'id'], message: `reason code '${c.id}' is listed twice` });
    });
    check(file.generic, ['generic']);
    check(file.verdict, ['verdict']);
    for (const [fact, r] of Object.entries(file.facts)) {
      if (typeof r === 'string') {
        check(r, ['facts', fact]);
        continue;
      }
      check(r.code, ['facts', fact, 'code']);
      check(r.studies, ['facts', fact, 'studies']);
      check(r.red_flags, ['facts', fact, 'red_flags']);
      check(r.negated, ['facts', fact, 'negated']);
      check(r.undocumented, ['facts', fact, 'undocumented']);
      for (const [k, v] of Object.entries(r.tags ?? {})) check(v, ['facts', fact, 'tags', k]);
      for (const [k, v] of Object.entries(r.operators ?? {})) check(v, ['facts', fact, 'operators', k]);
    }
  });
export type ReasonCodesFile = z.infer<typeof ReasonCodesFile>;

/** A phrase: one regular expression, or several that must all match the same clause. */
const Phrase = z.union([z.string().min(1), z.strictObject({ all: z.array(z.string().min(1)).min(2) })]);
export type Phrase = z.infer<typeof Phrase>;

export const RationalePhrasesFile = z.strictObject({
  $schema: z.string().optional(),
  macros: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)).describe('{name} in a phrase expands to this regular expression'),
  clause_breaks: z.string().min(1).describe('where a sentence splits into clauses'),
  case_words: z.string().min(1).describe('a sentence that says these speaks about this worker or request'),
  preamble: z.string().min(1).describe('a lead-in naming the item, ignored when telling case from guideline'),
  guideline_words: z.string().min(1).describe('a sentence that says these (and no case words) restates a guideline'),
  hypothetical: z.string().min(1).describe('a clause that supposes a lack states no reason'),
  long_quote: z.number().int().positive().describe('a quotation at least this long is the guideline\'s words'),
  necessary: z.string().min(1).describe('a conclusion that the request is medically necessary'),
  not_necessary: z.string().min(1).describe('a conclusion that it is not'),
  not_recommended: z.strictObject({
    statement: z.string().min(1).describe('a sentence saying something is not recommended'),
    conditional: z.string().min(1).describe('words that limit a statement to some cases (then it is not a plain verdict)'),
    this_request: z.string().min(1).describe('words that point at the request itself ("this therapy")'),
    only: z.string().min(1).describe('a statement that only one form is recommended'),
  }),
  codes: z.record(z.string().regex(IDENTIFIER), z.array(Phrase).min(1)).describe('reviewer phrases by reason code, in application clauses'),
  anywhere: z.record(z.string().regex(IDENTIFIER), z.array(Phrase).min(1)).optional().describe('phrases that count even in a sentence restating a guideline'),
});
export type RationalePhrasesFile = z.infer<typeof RationalePhrasesFile>;
