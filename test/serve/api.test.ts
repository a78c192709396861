import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mtus, ROOT } from '../helpers.js';
import { testServer } from './server.js';

const SEEDS = join(ROOT, 'cases', 'seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.yaml'));

describe('POST /api/check', () => {
  it.each(seedFiles)('%s: the same JSON as `mtus check --json`', async (file) => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/check', payload: parse(readFileSync(join(SEEDS, file), 'utf8')) });
    expect(res.statusCode).toBe(200);
    const cli = mtus(['check', join('cases', 'seeds', file), '--json']);
    expect(cli.status).toBe(0);
    const api = res.json();
    expect(api.items.map((i: { prediction: string }) => i.prediction)).toEqual(JSON.parse(cli.stdout).items.map((i: { prediction: string }) => i.prediction));
    expect(api).toEqual(JSON.parse(cli.stdout));
  });

  it('as_of and item narrow the answer as --as-of and --item do', async () => {
    const app = await testServer();
    const payload = parse(readFileSync(join(SEEDS, '001_c7c7a95bc446a0b9.yaml'), 'utf8'));
    const res = await app.inject({ method: 'POST', url: '/api/check?item=2&as_of=2016-08-01', payload });
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0].citation).toBe('MTUS Chronic Pain Medical Treatment Guidelines (2016), Topical analgesics');
  });

  it('malformed JSON: 400 problem document, no stack trace', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/check', headers: { 'content-type': 'application/json' }, payload: '{"id": "x", ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = res.json();
    expect(p).toMatchObject({ status: 400, title: 'Bad Request', instance: '/api/check' });
    expect(p.detail).toMatch(/not valid JSON/);
    expect(res.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('a body that breaks the case schema: 400 with a pointer per problem, unknown keys included', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/check', payload: { id: 'x', source: 'y', patient: { age: 'old' }, items: [{ request: 'MRI', quantitty: 2 }] } });
    expect(res.statusCode).toBe(400);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/patient/age', '/items/0/quantitty']));
  });

  it('an unknown catalog tag: 422 naming the path, with a suggestion', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/check', payload: { id: 'x', source: 'y', conditions: ['radiculopaty'], items: [{ request: 'Norco 10/325 #90' }] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ pointer: '/conditions/0' });
    expect(res.json().errors[0].detail).toMatch(/radiculopathy/);
  });

  it('a body over the size limit: 413 problem document', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/check', payload: { id: 'x', source: 'y', summary: 'x'.repeat(600_000), items: [{ request: 'MRI' }] } });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an unknown route and a wrong method answer problem documents', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, type: 'about:blank' });
  });
});

describe('POST /api/extract', () => {
  it('request and note: a case whose facts carry their sentences, offsets into the returned text', async () => {
    const app = await testServer();
    const note = readFileSync(join(ROOT, 'test', 'fixtures', 'notes', 'opioid-refill.txt'), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { request: 'Norco 10/325 #90', note } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.case.items[0]).toMatchObject({ request: 'Norco 10/325 #90', treatment: 'hydrocodone' });
    expect(body.facts.length).toBeGreaterThan(3);
    for (const f of body.facts) expect(body.text.slice(f.start, f.end)).toBe(f.sentence);
  });

  it('a letter: its items and their outcomes', async () => {
    const app = await testServer();
    const letter = readFileSync(join(ROOT, 'test', 'fixtures', 'letters', 'CM16-0213037.txt'), 'utf8');
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { letter } });
    expect(res.statusCode).toBe(200);
    expect(res.json().case.case_number).toBe('CM16-0213037');
  });

  it('neither a note nor a letter: 400', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { request: 'Norco' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('urn:mtus-rules:problem:invalid-request');
  });

  it('a pdf field that is not a PDF: 422', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { request: 'Norco', pdf: Buffer.from('hello world').toString('base64') } });
    expect(res.statusCode).toBe(422);
  });
});

describe('rules, facts, OpenAPI', () => {
  it('GET /api/rules lists every rule with its citations', async () => {
    const app = await testServer();
    const body = (await app.inject({ method: 'GET', url: '/api/rules' })).json();
    expect(body.rules.length).toBeGreaterThan(100);
    expect(body.rules.find((r: { id: string }) => r.id === 'cpmtg-cyclobenzaprine').editions[0].citation).toMatch(/Cyclobenzaprine/);
  });

  it('GET /api/rules/:id gives one rule; an unknown one is a 404 problem', async () => {
    const app = await testServer();
    expect((await app.inject({ method: 'GET', url: '/api/rules/cpmtg-cyclobenzaprine' })).json().title).toMatch(/short course/);
    expect((await app.inject({ method: 'GET', url: '/api/rules/no-such-rule' })).statusCode).toBe(404);
  });

  it('GET /api/facts lists the facts', async () => {
    const app = await testServer();
    const facts = (await app.inject({ method: 'GET', url: '/api/facts' })).json();
    expect(facts.map((f: { name: string }) => f.name)).toContain('days_supply');
  });

  it('GET /api/openapi.json documents every route', async () => {
    const app = await testServer();
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/check', '/api/extract', '/api/rules', '/api/facts', '/api/formulary/{drug}', '/cds-services', '/cds-services/{id}']));
  });

  it('GET /api/formulary/:drug answers as `mtus formulary DRUG --json`, its options as query parameters', async () => {
    const app = await testServer();
    const res = await app.inject({ method: 'GET', url: `/api/formulary/${encodeURIComponent('Norco 10/325')}?date=2019-03-01&injury=2019-02-27&days=4&initial_visit=true` });
    expect(res.statusCode).toBe(200);
    const cli = mtus(['formulary', 'Norco 10/325', '--date', '2019-03-01', '--injury', '2019-02-27', '--days', '4', '--initial-visit', '--json']);
    expect(cli.status).toBe(0);
    expect(res.json()).toEqual(JSON.parse(cli.stdout));
    // Hydrocodone is Non-Exempt; a 4-day supply at the initial visit within a week of the injury is a Special Fill.
    expect(res.json()).toMatchObject({ ingredient: 'hydrocodone', status: 'non_exempt' });
    expect(res.json().fills.find((f: { policy: string }) => f.policy === 'special_fill').applies).toBe(true);
  });

  it('GET /api/formulary/:drug with a malformed date or an unknown option: 400 problem document', async () => {
    const app = await testServer();
    for (const query of ['date=2019-13-45', 'days=four', 'refills=2']) {
      const res = await app.inject({ method: 'GET', url: `/api/formulary/tramadol?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    }
  });
});
