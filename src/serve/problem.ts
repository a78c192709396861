/**
 * RFC 9457 problem documents: every error the server answers is one, with a 4xx status for bad
 * input and never a stack trace. Request bodies may hold clinical notes, so nothing of them is
 * logged: the log gets the route, the status and the error code only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_TYPE = 'application/problem+json';

export interface ProblemDetail {
  /** JSON Pointer into the request body (RFC 6901) */
  pointer: string;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: ProblemDetail[];
}

/** A problem a handler raises on purpose: the error handler answers it as is. */
export class ProblemError extends Error {
  constructor(readonly problem: Omit<Problem, 'type'> & { type?: string }) {
    super(problem.detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable',
};

export function problemType(code: string): string {
  return `urn:mtus-rules:problem:${code}`;
}

export function sendProblem(reply: FastifyReply, p: Omit<Problem, 'type'> & { type?: string }): FastifyReply {
  const body: Problem = { type: p.type ?? 'about:blank', title: p.title, status: p.status, detail: p.detail, ...(p.instance ? { instance: p.instance } : {}), ...(p.errors ? { errors: p.errors } : {}) };
  return reply.code(p.status).type(PROBLEM_TYPE).send(body);
}

/** Error and not-found handlers that answer problem documents. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ProblemError) return sendProblem(reply, { ...error.problem, instance: request.url.split('?')[0] });
    if (error.validation) {
      return sendProblem(reply, {
        type: problemType('invalid-request'),
        title: 'The request does not match its schema',
        status: 400,
        detail: `${error.validation.length} problem${error.validation.length === 1 ? '' : 's'} in the request ${error.validationContext ?? 'body'}`,
        instance: request.url.split('?')[0],
        errors: error.validation.map((v) => ({ pointer: pointerOf(v.instancePath, v.params), detail: validationText(v.instancePath, v.message, v.params) })),
      });
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ code: error.code ?? error.name }, 'internal error');
    return sendProblem(reply, {
      type: status === 500 ? 'about:blank' : problemType(kebab(error.code ?? 'bad-request')),
      title: TITLES[status] ?? 'Error',
      status,
      // A framework's own 4xx message says what is wrong with the request; an internal error says nothing.
      detail: status === 500 ? 'The server could not answer this request.' : clientMessage(error),
      instance: request.url.split('?')[0],
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { title: 'Not Found', status: 404, detail: `no resource at ${request.method} ${request.url.split('?')[0]}`, instance: request.url.split('?')[0] }),
  );
}

function pointerOf(path: string, params: Record<string, unknown>): string {
  const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
  return `${path}${extra}`;
}

function validationText(path: string, message: string | undefined, params: Record<string, unknown>): string {
  if (typeof params.missingProperty === 'string') return `${path}/${params.missingProperty} is required`;
  if (typeof params.additionalProperty === 'string') return `${path}/${params.additionalProperty} is not a known key`;
  const allowed = Array.isArray(params.allowedValues) ? `: ${params.allowedValues.join(', ')}` : '';
  return `${path || '/'} ${message ?? 'is invalid'}${allowed}`;
}

function clientMessage(error: FastifyError): string {
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return `the body is not valid JSON: ${error.message}`;
  return error.message;
}

function kebab(code: string): string {
  return code.replace(/^FST_ERR_/, '').toLowerCase().replace(/_/g, '-');
}
