/** `mtus serve` as a user starts it: loopback by default, the page at /, and a log without PHI. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadAgreement } from '../../src/advice/agreement.js';
import { buildServer } from '../../src/serve/app.js';
import { bundledRuleset, ROOT } from '../helpers.js';

describe('mtus serve', () => {
  it('listens on loopback by default and serves the page, the API and CDS Hooks', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /open (http:\/\/\S+?)\/ /.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="app"><\/div>/);
      const discovery = (await (await fetch(`${url}/cds-services`)).json()) as { services: unknown[] };
      expect(discovery.services).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('logs the route, the status and the time of a request, never its body or query', async () => {
    const lines: string[] = [];
    const logStream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const ruleset = bundledRuleset();
    const app = await buildServer({ ruleset, agreement: loadAgreement(ruleset.dir), casesDir: join(ROOT, 'cases'), log: true, logStream });
    const note = 'Patient Jane Roe, SSN 123-45-6789, has lumbar radiculopathy.';
    await app.inject({ method: 'POST', url: '/api/extract?patient=Jane%20Roe', payload: { request: 'Norco 10/325 #90', note } });
    await app.inject({ method: 'POST', url: '/api/check', payload: { id: 'Jane Roe', source: 'x', items: [{ request: 'Norco', quantitty: 1 }] } });
    await app.close();
    const log = lines.join('');
    expect(log).toMatch(/"route":"\/api\/extract","status":200/);
    expect(log).toMatch(/"route":"\/api\/check","status":400/);
    expect(log).not.toMatch(/Jane|Roe|123-45-6789|radiculopathy|Norco|quantitty/);
  });
});
