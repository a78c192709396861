/**
 * The MTUS Drug Formulary answers, each with the regulation sections it rests on: Exempt at the first
 * visit, Non-Exempt with and without Special Fill, Perioperative Fill inside and outside the window,
 * a brand with a generic, a compound, an unlisted drug. Library and command.
 */
import { describe, expect, it } from 'vitest';
import { answerFormulary, type FormularyAnswer, type FormularyRequest } from '../../src/formulary/index.js';
import { mtus } from '../helpers.js';

const on = (drug: string, more: Partial<FormularyRequest> = {}): FormularyAnswer => answerFormulary({ drug, date: '2026-03-01', ...more });
const sections = (a: FormularyAnswer) => a.citations.map((c) => c.section).join(' | ');
const fill = (a: FormularyAnswer, policy: string) => a.fills.find((f) => f.policy === policy)!;

describe('MTUS Drug Formulary', () => {
  it('an Exempt drug dispensed by the physician at the first visit within 7 days: no review (9792.27.8)', () => {
    const a = on('ibuprofen 800 mg', { injury: '2026-02-25', physicianDispensed: true, initialVisit: true, days: 7 });
    expect(a).toMatchObject({ status: 'exempt', prospective_review: 'not_required', policy: 'physician_dispensed' });
    expect(fill(a, 'physician_dispensed').checks.map((c) => c.status)).toEqual(['met', 'met', 'met']);
    expect(sections(a)).toMatch(/9792\.27\.8/);
    expect(a.conditions.join(' ')).toMatch(/in accordance with the MTUS Treatment Guidelines/);
  });

  it('the same physician-dispensed Exempt drug on day 9 after the injury, or for 14 days: review required', () => {
    const late = on('ibuprofen', { injury: '2026-02-20', physicianDispensed: true, initialVisit: true, days: 7 });
    expect(late.prospective_review).toBe('required');
    expect(late.because).toMatch(/day 9 after the injury/);
    const long = on('ibuprofen', { injury: '2026-02-25', physicianDispensed: true, initialVisit: true, days: 14 });
    expect(long.prospective_review).toBe('required');
    expect(long.because).toMatch(/14 days of supply/);
  });

  it('an Exempt drug from a pharmacy: no review, provided it follows the MTUS (9792.27.1(h), 9792.27.10)', () => {
    const a = on('naproxen 550 mg');
    expect(a).toMatchObject({ status: 'exempt', prospective_review: 'not_required', policy: 'exempt' });
    expect(sections(a)).toMatch(/9792\.27\.1\(h\); 9792\.27\.10/);
  });

  it('a Non-Exempt drug under Special Fill: initial visit within 7 days, supply within the listed days (9792.27.12)', () => {
    const a = on('tramadol 50 mg', { injury: '2026-02-26', initialVisit: true, days: 4 });
    expect(a).toMatchObject({ status: 'non_exempt', prospective_review: 'not_required', policy: 'special_fill' });
    expect(fill(a, 'special_fill').applies).toBe(true);
    expect(sections(a)).toMatch(/9792\.27\.12/);
  });

  it('the same Non-Exempt drug without Special Fill: a 30-day supply months after the injury needs review (9792.27.10)', () => {
    const a = on('tramadol 50 mg', { injury: '2025-06-01', initialVisit: false, days: 30 });
    expect(a).toMatchObject({ status: 'non_exempt', prospective_review: 'required', policy: 'non_exempt' });
    const sf = fill(a, 'special_fill');
    expect(sf.applies).toBe(false);
    expect(sf.checks.filter((c) => c.status === 'not_met').map((c) => c.text)).toEqual([
      'the visit is within 7 days of the date of injury',
      'it is the single initial treatment visit after the injury',
      'the supply is no more than 4 days',
    ]);
    expect(sections(a)).toMatch(/9792\.27\.10.*9792\.27\.12/);
  });

  it('Special Fill not documented (no injury date) is not assumed: review required, the condition named', () => {
    const a = on('tramadol', { days: 3 });
    expect(a.prospective_review).toBe('required');
    expect(fill(a, 'special_fill').applies).toBeNull();
    expect(a.because).toMatch(/cannot be confirmed: .*within 7 days of the date of injury \(not documented\)/);
  });

  it('Perioperative Fill inside the window (day -4 to +4, surgery day zero) and outside it (9792.27.13)', () => {
    for (const date of ['2026-03-06', '2026-03-10', '2026-03-14']) {
      const inside = on('oxycodone 5 mg', { date, surgery: '2026-03-10', days: 4 });
      expect(inside, date).toMatchObject({ prospective_review: 'not_required', policy: 'perioperative_fill' });
      expect(sections(inside)).toMatch(/9792\.27\.13/);
    }
    const before = on('oxycodone 5 mg', { date: '2026-03-05', surgery: '2026-03-10', days: 4 });
    expect(before).toMatchObject({ prospective_review: 'required', policy: 'non_exempt' });
    expect(fill(before, 'perioperative_fill').checks[0]).toMatchObject({ status: 'not_met', evidence: 'day -5 from surgery on 2026-03-10' });
    const tooMuch = on('oxycodone 5 mg', { date: '2026-03-11', surgery: '2026-03-10', days: 10 });
    expect(tooMuch.prospective_review).toBe('required');
    expect(fill(tooMuch, 'perioperative_fill').checks[1]).toMatchObject({ status: 'not_met', evidence: '10 days of supply' });
  });

  it('a brand-name Exempt drug with a generic available, dispensed as written: review required (9792.27.7)', () => {
    const a = on('Celebrex 200 mg', { brand: true });
    expect(a).toMatchObject({ status: 'exempt', prospective_review: 'required', policy: 'brand_name' });
    expect(sections(a)).toMatch(/9792\.27\.7/);
    expect(on('Celebrex 200 mg DAW').policy).toBe('brand_name');
    // named by its brand but not dispensed as written: the generic, no review
    const generic = on('Celebrex 200 mg');
    expect(generic.prospective_review).toBe('not_required');
    expect(generic.conditions.join(' ')).toMatch(/dispensed as generic celecoxib/);
  });

  it('a compounded drug: always prospective review (9792.27.9)', () => {
    const a = on('Flurbiprofen 20%/lidocaine 5% cream', { compound: true });
    expect(a).toMatchObject({ status: 'compounded', prospective_review: 'required', policy: 'compounded' });
    expect(sections(a)).toMatch(/9792\.27\.9/);
    expect(a.citations.find((c) => c.policy === 'compounded')?.verified).toBe(true);
  });

  it('an unlisted drug: review required, and the answer says the bundled list is partial', () => {
    const a = on('sildenafil 50 mg');
    expect(a).toMatchObject({ status: 'unlisted', prospective_review: 'required', policy: 'unlisted' });
    expect(a.because).toMatch(/the list used is partial/);
    expect(a.list.complete).toBe(false);
  });

  it('an off-label Exempt drug needs review unless the MTUS recommends the use (9792.27.5)', () => {
    const a = on('duloxetine', { offLabel: true });
    expect(a).toMatchObject({ prospective_review: 'required', policy: 'off_label' });
    expect(sections(a)).toMatch(/9792\.27\.5/);
  });

  it('before 2018-01-01 the formulary is not in force', () => {
    expect(on('tramadol', { date: '2017-12-31' })).toMatchObject({ status: 'not_in_force', prospective_review: 'not_applicable' });
  });
});

describe('mtus formulary (command)', () => {
  const json = (args: string[]) => {
    const r = mtus(['formulary', ...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as FormularyAnswer;
  };

  it.each([
    ['Exempt at the first visit within 7 days', ['ibuprofen', '--date', '2026-03-01', '--injury', '2026-02-27', '--physician-dispensed', '--initial-visit', '--days', '5'], 'not_required', '9792.27.8'],
    ['Non-Exempt with Special Fill', ['tramadol', '--date', '2026-03-01', '--injury', '2026-02-27', '--initial-visit', '--days', '3'], 'not_required', '9792.27.12'],
    ['Non-Exempt without Special Fill', ['tramadol', '--date', '2026-03-01', '--injury', '2025-01-02', '--days', '30'], 'required', '9792.27.10'],
    ['Perioperative Fill inside the window', ['Norco', '--date', '2026-03-03', '--surgery', '2026-03-01', '--days', '4'], 'not_required', '9792.27.13'],
    ['Perioperative Fill outside the window', ['Norco', '--date', '2026-03-06', '--surgery', '2026-03-01', '--days', '4'], 'required', '9792.27.13'],
    ['a brand with a generic', ['Celebrex', '--brand', '--date', '2026-03-01'], 'required', '9792.27.7'],
    ['a compound', ['ketoprofen/lidocaine cream', '--compound', '--date', '2026-03-01'], 'required', '9792.27.9'],
    ['an unlisted drug', ['sildenafil', '--date', '2026-03-01'], 'required', '9792.27.10'],
  ])('%s', (_name, args, review, section) => {
    const a = json(args as string[]);
    expect(a.prospective_review).toBe(review);
    expect(a.citations.map((c) => c.section).join(' ')).toContain(section);
    expect(a.because.length).toBeGreaterThan(20);
  });

  it('text output names the deciding policy, each fill check and the sections', () => {
    const r = mtus(['formulary', 'tramadol', '--date', '2026-03-01', '--injury', '2026-02-27', '--initial-visit', '--days', '3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/NO PROSPECTIVE REVIEW NEEDED; tramadol: Non-Exempt/);
    expect(r.stdout).toMatch(/Special Fill \(8 CCR 9792\.27\.12, up to 4 days\): applies/);
    expect(r.stdout).toMatch(/Cites: .*8 CCR 9792\.27\.12 Special Fill/);
    expect(r.stdout).toMatch(/Drug list: .*\(partial\)/);
  });

  it('a bad date is a one-line error, exit 2', () => {
    const r = mtus(['formulary', 'tramadol', '--date', '2026-13-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expected a date YYYY-MM-DD/);
  });
});
