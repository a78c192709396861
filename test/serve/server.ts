/** A server on the bundled rules for tests, answering through Fastify's inject (no socket). */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadAgreement } from '../../src/advice/agreement.js';
import { buildServer } from '../../src/serve/app.js';
import { bundledRuleset, ROOT } from '../helpers.js';

let app: Promise<FastifyInstance> | undefined;

export function testServer(): Promise<FastifyInstance> {
  const ruleset = bundledRuleset();
  app ??= buildServer({ ruleset, agreement: loadAgreement(ruleset.dir), casesDir: join(ROOT, 'cases'), webDir: join(ROOT, 'dist', 'web') });
  return app;
}
