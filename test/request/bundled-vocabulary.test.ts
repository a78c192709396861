/**
 * Regress workers take the bundled request vocabulary from the bundled ruleset their parent
 * loaded instead of reading rules/catalog/request-*.yaml again: the two must be the same.
 */
import { expect, it } from 'vitest';
import { bundledVocabulary } from '../../src/request/bundled-places.js';
import { bundledRuleset } from '../helpers.js';

it('the bundled ruleset\'s request vocabulary is the bundled vocabulary read from its files', () => {
  const fromRuleset = bundledRuleset().catalog.vocabulary;
  expect(Object.keys(fromRuleset).length).toBeGreaterThan(5);
  expect(fromRuleset).toEqual(bundledVocabulary());
});
