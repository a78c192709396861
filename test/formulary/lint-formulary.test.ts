/** mtus lint validates the formulary's data files like rules. */
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { rulesWith } from '../helpers.js';

const list = (drugs: string) => `list: { version: test, effective: "2018-01-01", complete: false, source: test }\ndrugs:\n${drugs}`;

describe('mtus lint: formulary data', () => {
  it('a drug listed twice and a status that is not Exempt/Non-Exempt are located errors', async () => {
    const dir = rulesWith({
      'formulary/mtus-drug-list.yaml': list(
        '  - { ingredient: widgetamol, status: exempt, verified: false }\n  - { ingredient: widgetamol, status: exempt, verified: false }\n  - { ingredient: gadgetine, status: sometimes, verified: false }\n',
      ),
    });
    const found = (await lint([dir])).diagnostics.map((d) => `${d.line}:${d.code}`);
    expect(found).toEqual(['5:invalid-value']);
    const dup = rulesWith({ 'formulary/mtus-drug-list.yaml': list('  - { ingredient: widgetamol, status: exempt, verified: false }\n  - { ingredient: widgetamol, status: exempt, verified: false }\n') });
    expect((await lint([dup])).diagnostics.map((d) => `${d.line}:${d.column}:${d.code}`)).toEqual(['4:19:duplicate-drug']);
  });
});
