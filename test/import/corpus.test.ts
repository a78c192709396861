/**
 * Must-show 1: every letter of the shared corpus imports to a valid case, with every disputed
 * item, its outcome and a parsed reviewer citation.
 */
import { describe, expect, it } from 'vitest';
import { importLetterText, type ImportOutcome } from '../../src/import/import-letter.js';
import { normalizeLetterText } from '../../src/import/text/normalize.js';
import { bundledRuleset } from '../helpers.js';
import { DWC_DIR, letterFiles, readLetter, SEEDS_DIR } from './corpus.js';

type Imported = Extract<ImportOutcome, { ok: true }>;

function importAll(dir: string): Imported[] {
  const catalog = bundledRuleset().catalog;
  return letterFiles(dir).map((f) => {
    const r = importLetterText(readLetter(f), f, catalog);
    if (!r.ok) throw new Error(r.error);
    return r;
  });
}

const count = (cases: Imported[], outcome: string) =>
  cases.flatMap((c) => c.kase.items).filter((i) => i.actual?.outcome === outcome).length;

describe('importing the shared corpus', () => {
  const seeds = importAll(SEEDS_DIR);
  const dwc = importAll(DWC_DIR);
  const all = [...seeds, ...dwc];

  it('every one of the 102 letters yields a valid case (importLetterText validates schema and catalog)', () => {
    expect(seeds).toHaveLength(5);
    expect(dwc).toHaveLength(97);
  });

  it('203 disputed items: 173 upheld and 21 overturned in 2016-2017, 8 and 1 in the seeds', () => {
    expect(all.flatMap((c) => c.kase.items)).toHaveLength(203);
    expect([count(dwc, 'upheld'), count(dwc, 'overturned')]).toEqual([173, 21]);
    expect([count(seeds, 'upheld'), count(seeds, 'overturned')]).toEqual([8, 1]);
  });

  it('every item has the reviewer citation parsed: a document unless the reviewer cited none', () => {
    const items = all.flatMap((c) => c.kase.items);
    const uncited = items.filter((i) => !i.actual?.guideline?.document);
    for (const i of items) expect(i.actual?.guideline?.text, i.request).toBeTruthy();
    // CM17-0006797 (4 items) and CM17-0002892 (2): "The Expert Reviewer did not cite any medical evidence for its decision."
    expect(uncited.map((i) => i.actual?.guideline?.text)).toEqual(Array(6).fill('The Expert Reviewer did not cite any medical evidence for its decision'));
    const cited = items.filter((i) => i.actual?.guideline?.document);
    for (const i of cited) expect(i.actual!.guideline!.mtus, i.request).toBeTypeOf('boolean');
  });

  it('2016-2017 letters carry the header: case number, dates, reviewer; the case is named by its number', () => {
    for (const { kase } of dwc) {
      expect(kase.id).toBe(kase.case_number);
      expect(kase.dates?.injury && kase.dates.ur_denial && kase.dates.assigned && kase.dates.decision, kase.id).toBeTruthy();
      expect(kase.reviewer?.specialty, kase.id).toBeTruthy();
      expect(kase.reviewer?.licensure?.length, kase.id).toBeGreaterThan(0);
    }
  });

  it('partial approvals: the item is the remaining portion, with what UR approved', () => {
    const baclofen = dwc.find((c) => c.kase.id === 'CM16-0233904')!.kase.items[0]!;
    expect(baclofen).toMatchObject({ request: 'Baclofen 100mg #3', treatment: 'baclofen', quantity: 3, ur_approved: { text: 'Baclofen 100mg #27' } });
    const pt = dwc.find((c) => c.kase.id === 'CM16-0241231')!.kase.items[0]!;
    expect(pt).toMatchObject({ request: 'Three sessions of physical therapy of the right knee', visits: 3, ur_approved: { visits: 6 } });
    const ctr = dwc.find((c) => c.kase.id === 'CM17-0015218')!.kase.items[0]!;
    expect(ctr).toMatchObject({ request: 'with open carpal tunnel release', treatment: 'carpal_tunnel_release', retrospective: true, actual: { outcome: 'overturned' } });
  });

  it('an outcome alone on the next line is read', () => {
    const k = dwc.find((c) => c.kase.id === 'CM17-0013716')!.kase;
    expect(k.items[2]).toMatchObject({ request: 'Dextromethorphan 5%/Amitriptyline 5%/Lidocaine/Capsaicin 0.025%, 120grams #1', actual: { outcome: 'upheld' } });
  });

  it('associated surgical services name the surgery disputed in the same letter', () => {
    const k = dwc.find((c) => c.kase.id === 'CM16-0246487')!.kase;
    expect(k.items.map((i) => i.associated_surgery)).toEqual([undefined, 'shoulder_arthroscopy', 'shoulder_arthroscopy', 'shoulder_arthroscopy', 'shoulder_arthroscopy', 'shoulder_arthroscopy']);
  });

  it('citations: document, edition, sections and pages in both citation styles', () => {
    const facet = dwc.find((c) => c.kase.id === 'CM16-0219557')!.kase.items[0]!.actual!.guideline!;
    expect(facet).toMatchObject({ document: 'MTUS ACOEM Practice Guidelines, Low Back Complaints', edition: '2004', sections: ['Summary'], mtus: true });
    expect(facet.text).toContain('Chronic Pain Medical Treatment 2016, Section(s): Facet blocks');
    const seed = seeds.find((c) => c.kase.id.startsWith('001'))!.kase.items[0]!.actual!.guideline!;
    expect(seed).toEqual({
      text: 'MTUS Chronic Pain Treatment Guidelines Cyclobenzaprine Page(s): 64',
      document: 'MTUS Chronic Pain Medical Treatment Guidelines', edition: '2009', sections: ['Cyclobenzaprine'], pages: '64', mtus: true,
    });
    const odg = seeds.find((c) => c.kase.id.startsWith('004'))!.kase.items[1]!.actual!.guideline!;
    expect(odg).toMatchObject({ document: 'Official Disability Guidelines (ODG)', sections: ['Low Back', 'Facet Joint Medial Branch blocks - Therapeutic', 'Facet Joint Diagnostic'], mtus: false });
  });

  it('a summary injury date that differs from the header stays in evidence; the header date is kept', () => {
    const r = dwc.find((c) => c.kase.id === 'CM16-0219557')!;
    expect(r.kase.dates?.injury).toBe('2016-10-10');
    expect(r.kase.evidence?.filter((e) => e.path === 'dates.injury').some((e) => e.text.includes('October 10, 2015'))).toBe(true);
    expect(r.notices.join()).toContain('2015-10-10');
  });

  it('every evidence entry quotes the letter at its offsets', () => {
    for (const { kase, file } of all) {
      const letter = normalizeLetterText(readLetter(file));
      for (const e of kase.evidence ?? []) expect(letter.slice(e.start, e.end).replace(/\n/g, ' '), `${kase.id} ${e.path}`).toBe(e.text);
    }
  });
});
