/**
 * The web page end to end in headless Chromium (Debian's, installed by .ci/run): paste a note,
 * see the facts read from it, edit one, see the prediction change; then the regress view. The
 * screenshot is kept in test-artifacts/ (not committed).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgreement } from '../../src/advice/agreement.js';
import { buildServer } from '../../src/serve/app.js';
import { bundledRuleset, ROOT } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
export const SCREENSHOT = join(ARTIFACTS, 'page-e2e.png');

let app: FastifyInstance;
let browser: Browser;
let page: Page;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run npm run build');
  const ruleset = bundledRuleset();
  app = await buildServer({ ruleset, agreement: loadAgreement(ruleset.dir), casesDir: join(ROOT, 'cases'), webDir: join(ROOT, 'dist', 'web') });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Nothing may leave the page's own server.
  await page.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : route.abort()));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the page served by mtus serve', () => {
  it('reads a pasted note into facts, and the prediction follows an edited fact', async () => {
    const outside: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(url)) outside.push(r.url()); });
    await page.goto(`${url}/`);
    await page.getByLabel('Treatment requested').fill('Cyclobenzaprine 10 mg #10');
    await page.getByLabel(/Clinical note/).fill(readFileSync(join(ROOT, 'test', 'fixtures', 'notes', 'acute-strain.txt'), 'utf8'));
    await page.getByRole('button', { name: 'Read the note' }).click();

    // The facts, as a form, with the sentences they came from highlighted in the note.
    const facts = page.getByRole('form', { name: 'Facts read from the note' });
    await facts.waitFor();
    expect(await facts.getByLabel('muscle spasm', { exact: true }).isChecked()).toBe(true);
    expect(await page.locator('.note mark').count()).toBeGreaterThan(3);
    const prediction = page.getByTestId('item-1').getByTestId('prediction');
    await page.getByTestId('item-1').getByText('Overturned: medically necessary').waitFor();

    // Focus a fact: its sentence stands out in the note.
    await facts.getByLabel(/^Date of request/).focus();
    await page.locator('.note mark.active', { hasText: 'Date: 04/11/2016' }).waitFor();

    // Ninety tablets at bedtime is no short course: the prediction turns.
    await facts.getByLabel('Quantity').fill('90');
    await facts.getByLabel('Quantity').press('Tab');
    await page.getByTestId('item-1').getByText('Upheld: not medically necessary').waitFor();
    expect(await prediction.textContent()).toBe('Upheld: not medically necessary');
    await page.getByTestId('to-document').getByText('request a supply of 21 days or fewer').waitFor();

    // The full explanation is behind a disclosure.
    const details = page.getByTestId('item-1').locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.getByText('Full explanation').click();
    await details.getByText('short-course-supply').waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(outside).toEqual([]);
  }, 60_000);

  it('the regress view shows the confusion matrix and the per-rule agreement chart', async () => {
    await page.getByRole('link', { name: 'Regress run' }).click();
    await page.getByRole('table', { name: /Confusion matrix/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('img', { name: /Per-rule agreement/ }).waitFor();
    expect(await page.locator('svg.chart rect.bar-total').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, 'page-e2e-regress.png'), fullPage: true });
  }, 60_000);
});
