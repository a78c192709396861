/**
 * mtus-rules as a library: load a ruleset, load or build a case, predict and explain.
 * The `mtus` command is a thin layer over these functions.
 */
export { loadRuleset, loadRulesetCollecting, BUNDLED_RULES_DIR, type Ruleset } from './ruleset/load-ruleset.js';
export { loadCaseFile, parseCaseYaml } from './cases/load-case.js';
export { validateCase, validateCaseFile, type CaseValidation } from './cases/validate-case.js';
export { normaliseCase, normaliseItem } from './request/normalise-case.js';
export { recogniseRequest, type Recognition, type RequestFields } from './request/recognise.js';
export type { NoRule, NoRuleReasonCode } from './predict/no-rule.js';
export { evaluateCase, type CaseResult, type EvaluateOptions } from './predict/evaluate-case.js';
export { predictItem, type ItemPrediction } from './predict/predict-item.js';
export { explainItem, type ItemExplanation } from './predict/explain.js';
export { checkJson } from './report/check-report.js';
export { importLetterFile, importLetterText, letterIdentity, type ImportOutcome } from './import/import-letter.js';
export { runRegress, type RegressOptions, type RegressRun } from './regress/run-regress.js';
export type { RegressReport } from './regress/metrics.js';
export { lint, type LintResult } from './lint/lint.js';
export { Case, DisputedItem, RequestReading, ReadingPart } from './model/case-schema.js';
export { Rule } from './model/rule-schema.js';
export { InputError, formatDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
export { vocabulary, type Vocabulary, type VocabularySection } from './vocabulary/vocabulary.js';
export { scaffoldRule, type NewRuleOptions } from './scaffold/new-rule.js';
export { diffRuns, diffFails, type RunDiff, type FailOn } from './regress/diff.js';
export type { Status } from './engine/kleene.js';
// Guideline eras and the MTUS Drug Formulary (used by `mtus formulary`, `mtus check` and the web server).
export { DocumentRegistry, type DocumentEntry } from './eras/registry.js';
export { bundledDocuments } from './eras/bundled-documents.js';
export { outOfEra, encodedEra } from './eras/out-of-era.js';
export { GuidelineDocument, DocumentRegistryFile } from './model/document-schema.js';
export {
  answerFormulary,
  formularyAnswer,
  formularyInForceFrom,
  loadDwcDrugList,
  readDrugList,
  formularyPolicies,
  DrugList,
  DrugListFile,
  type AnswerOptions,
  type FormularyAnswer,
  type FormularyRequest,
  type FormularyCheck,
  type FillCheck,
  type FormularyCitation,
  type FormularyStatus,
} from './formulary/index.js';
export { formularyReporter } from './report/formulary-report.js';
export { caseFromNote, type NoteInput, type NoteCase } from './note/note-case.js';
export { loadAgreement, type Agreement, type Confidence } from './advice/agreement.js';
export type { ItemSummary, DecisiveCriterion } from './advice/summary.js';
export type { Requirement } from './advice/plan.js';
