/**
 * Compiles rationale-phrases.yaml into regular expressions: macros expanded, case-insensitive.
 * An expression that does not compile is reported at its place in the file.
 */
import type { PathSegment } from '../yaml/yaml-document.js';
import type { Phrase, RationalePhrasesFile } from './reason-schema.js';

/** A phrase ready to match one clause: every expression must match. */
export interface CompiledPhrase {
  code: string;
  all: RegExp[];
  /** counts in a sentence that only restates a guideline */
  anywhere: boolean;
}

export interface CompiledPhrases {
  clauseBreaks: RegExp;
  caseWords: RegExp;
  preamble: RegExp;
  guidelineWords: RegExp;
  hypothetical: RegExp;
  longQuote: number;
  necessary: RegExp;
  notNecessary: RegExp;
  notRecommended: { statement: RegExp; conditional: RegExp; thisRequest: RegExp; only: RegExp };
  /** in file order: earlier codes win a tie at the same place */
  phrases: CompiledPhrase[];
}

export interface PhraseProblem {
  path: PathSegment[];
  message: string;
}

export class PhraseError extends Error {
  constructor(readonly problems: PhraseProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
  }
}

/** Compiles every expression; throws PhraseError listing each one that does not compile. */
export function compilePhrases(file: RationalePhrasesFile): CompiledPhrases {
  const problems: PhraseProblem[] = [];
  const expand = (source: string) => source.replace(/\{([a-z_]+)\}/g, (whole, name: string) => file.macros[name] ?? whole);
  const regex = (source: string, path: PathSegment[], flags = 'i'): RegExp => {
    const unknownMacro = /\{([a-z_]+)\}/.exec(expand(source));
    if (unknownMacro && !(unknownMacro[1]! in file.macros)) problems.push({ path, message: `no macro '{${unknownMacro[1]}}'` });
    try {
      return new RegExp(expand(source), flags);
    } catch (e) {
      problems.push({ path, message: `not a regular expression: ${(e as Error).message}` });
      return /$^/;
    }
  };
  const compileList = (byCode: Record<string, Phrase[]>, key: string, anywhere: boolean): CompiledPhrase[] =>
    Object.entries(byCode).flatMap(([code, list]) =>
      list.map((p, i) => ({
        code,
        anywhere,
        all: typeof p === 'string' ? [regex(p, [key, code, i])] : p.all.map((s, k) => regex(s, [key, code, i, 'all', k])),
      })),
    );
  const compiled: CompiledPhrases = {
    clauseBreaks: regex(file.clause_breaks, ['clause_breaks'], 'gi'),
    caseWords: regex(file.case_words, ['case_words']),
    preamble: regex(file.preamble, ['preamble']),
    guidelineWords: regex(file.guideline_words, ['guideline_words']),
    hypothetical: regex(file.hypothetical, ['hypothetical']),
    longQuote: file.long_quote,
    necessary: regex(file.necessary, ['necessary']),
    notNecessary: regex(file.not_necessary, ['not_necessary']),
    notRecommended: {
      statement: regex(file.not_recommended.statement, ['not_recommended', 'statement']),
      conditional: regex(file.not_recommended.conditional, ['not_recommended', 'conditional']),
      thisRequest: regex(file.not_recommended.this_request, ['not_recommended', 'this_request']),
      only: regex(file.not_recommended.only, ['not_recommended', 'only']),
    },
    phrases: [...compileList(file.codes, 'codes', false), ...compileList(file.anywhere ?? {}, 'anywhere', true)],
  };
  if (!/\(\?<allowed>/.test(file.not_recommended.only)) problems.push({ path: ['not_recommended', 'only'], message: 'needs a named group (?<allowed>...) for the allowed form' });
  if (problems.length > 0) throw new PhraseError(problems);
  return compiled;
}
