/** A rule's editions: the same criteria, cited and dated by the guideline edition in force. */
import type { Effective, Rule, Source } from '../model/rule-schema.js';

export interface Edition {
  source: Source;
  effective: Effective;
}

export function editionsOf(rule: Rule): Edition[] {
  return [{ source: rule.source, effective: rule.effective }, ...(rule.editions ?? [])];
}

export function inForce(e: Effective, date: string): boolean {
  return e.from <= date && (e.to === undefined || date <= e.to);
}

/** The edition in force on `date`, if any. */
export function editionAt(rule: Rule, date: string): Edition | undefined {
  return editionsOf(rule).find((e) => inForce(e.effective, date));
}
