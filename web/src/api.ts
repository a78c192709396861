/** Calls to the server's JSON API; a problem document becomes an ApiError with its details. */
import type { AgreementFile } from '../../src/advice/agreement.js';
import type { Case } from '../../src/model/case-schema.js';
import type { FactLine } from '../../src/note/facts-text.js';
import type { CheckJson } from '../../src/serve/checker.js';
import type { Problem } from '../../src/serve/problem.js';

export type { AgreementFile, Case, CheckJson, FactLine };
export type CheckItem = CheckJson['items'][number];

export interface Extracted {
  case: Case;
  text: string;
  note_length: number;
  facts: FactLine[];
  notices: string[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  /** One line per problem, for the page. */
  lines(): string[] {
    return this.problem.errors?.length ? this.problem.errors.map((e) => e.detail) : [this.problem.detail];
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
  const data = await res.json();
  if (!res.ok) throw new ApiError(data as Problem);
  return data as T;
}

export interface ExtractInput {
  request: string;
  note?: string;
  pdf?: string;
  injury_date?: string;
  date?: string;
}

export const api = {
  extract: (input: ExtractInput) => call<Extracted>('POST', 'api/extract', input),
  check: (kase: Case, signal?: AbortSignal) => call<CheckJson>('POST', 'api/check', kase, signal),
  regress: () => call<AgreementFile>('GET', 'api/regress'),
};

/** A file as base64, for a PDF upload. */
export function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
