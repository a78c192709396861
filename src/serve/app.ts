/**
 * The `mtus serve` application: the JSON API, the CDS Hooks service, the OpenAPI document and the
 * web page, on Fastify. Bodies are size-limited and schema-checked, slow clients time out, every
 * error is a problem document, and the log never holds a request body or query (notes are PHI).
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Agreement } from '../advice/agreement.js';
import type { Ruleset } from '../ruleset/load-ruleset.js';
import { registerApiRoutes } from './api-routes.js';
import { registerCdsRoutes } from './cds/cds-routes.js';
import { Checker } from './checker.js';
import { installProblemHandlers } from './problem.js';

export interface ServeOptions {
  ruleset: Ruleset;
  agreement: Agreement | undefined;
  /** the built web page (dist/web); the page is not served when absent */
  webDir?: string;
  /** the bundled cases, for the regress view */
  casesDir: string;
  /** log one line per request (route, status, time) to stdout */
  log?: boolean;
  /** where the log goes instead of stdout */
  logStream?: NodeJS.WritableStream;
}

export async function buildServer(opts: ServeOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.log ? { level: 'info', ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    // Fastify's own request lines hold the URL as sent; ours below hold the route pattern only.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    // allowUnionTypes: the case schema's reading values are a string or a number (type: [string, number]).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: true, allowUnionTypes: true } },
  });
  installProblemHandlers(app);
  if (opts.log) {
    // The route's pattern, never the URL as sent: a query or a path parameter could carry PHI.
    app.addHook('onResponse', async (request, reply) => {
      request.log.info({ method: request.method, route: request.routeOptions.url ?? '(none)', status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
    });
  }
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'mtus-rules', version: '0.1.0', description: 'Predict and explain California IMR outcomes from cited MTUS/ODG guideline rules.' },
    },
  });
  const checker = new Checker(opts.ruleset, opts.agreement);
  registerApiRoutes(app, checker, opts.casesDir);
  registerCdsRoutes(app, checker);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (opts.webDir && existsSync(opts.webDir)) await app.register(fastifyStatic, { root: opts.webDir, prefix: '/', index: ['index.html'], cacheControl: true, maxAge: '1h' });
  return app;
}
