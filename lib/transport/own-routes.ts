import { ApiError } from './api-error';

/**
 * The browser's calls to Hangar's own JSON routes (`/api/orgs/<org>/policies…`, `/api/orgs/<org>/audit…`),
 * which are not GitHub's and not proxied: same-origin, never cached, and an error answered
 * `{ message, status, fields? }` thrown as ApiError, or as InvalidFields when the input was refused.
 */

/** The server refused the input (400): each field's problem by its path (`name`, `rule.limit`, `webhookUrl`). Nothing was saved. */
export class InvalidFields extends ApiError {
  constructor(
    readonly fields: Record<string, string>,
    message: string,
    method: string,
  ) {
    super({ status: 400, message, method });
    this.name = 'InvalidFields';
  }
}

export async function ownRoute(
  method: string,
  url: string,
  { body, signal }: { body?: unknown; signal?: AbortSignal } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error', method });
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { message?: string; fields?: Record<string, string> };
    if (response.status === 400 && answer.fields) throw new InvalidFields(answer.fields, answer.message ?? 'Check the form', method);
    throw new ApiError({ status: response.status, message: answer.message, method });
  }
  return response;
}

/** An own route's JSON answer (nothing for a 204). */
export async function ownRouteJson<T>(method: string, url: string, options?: { body?: unknown; signal?: AbortSignal }): Promise<T> {
  const response = await ownRoute(method, url, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
