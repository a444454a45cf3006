import { ApiError } from '@/lib/transport/errors';
import type { PoliciesPageData, PolicyListItem, PolicyPreviewJson, PolicyRunJson, RouteError, RunNowJson } from './domain/page-data';
import type { Exemptions, PolicyDefinitionInput, PolicyRule } from './domain/schemas';

/**
 * The browser's calls to Hangar's policy routes (`/api/orgs/<org>/policies…`), which act for the
 * organisation's owners only. A refusal throws ApiError; bad input throws InvalidFields, naming
 * each field's problem for the form to show beside it.
 */

/** The server refused the input (400): each field's problem, by its path (`name`, `rule.limit`, `webhookUrl`). */
export class InvalidFields extends ApiError {
  constructor(
    readonly fields: Record<string, string>,
    message: string,
  ) {
    super({ status: 400, message, method: 'POST' });
    this.name = 'InvalidFields';
  }
}

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/policies`;

async function call<T>(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<T> {
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
    const answer = (await response.json().catch(() => ({}))) as Partial<RouteError>;
    if (response.status === 400 && answer.fields) throw new InvalidFields(answer.fields, answer.message ?? 'Check the form');
    throw new ApiError({ status: response.status, message: answer.message, method });
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const policiesApi = {
  policiesOf: (org: string, signal?: AbortSignal) => call<PoliciesPageData>('GET', base(org), undefined, signal),
  createPolicy: (org: string, definition: PolicyDefinitionInput) => call<PolicyListItem>('POST', base(org), definition),
  updatePolicy: (org: string, id: string, definition: PolicyDefinitionInput) =>
    call<PolicyListItem>('PUT', `${base(org)}/${encodeURIComponent(id)}`, definition),
  setPolicyEnabled: (org: string, id: string, enabled: boolean) =>
    call<PolicyListItem>('PATCH', `${base(org)}/${encodeURIComponent(id)}`, { enabled }),
  deletePolicy: (org: string, id: string) => call<void>('DELETE', `${base(org)}/${encodeURIComponent(id)}`),
  previewPolicy: (org: string, policy: { rule: PolicyRule | Record<string, unknown>; exempt?: Partial<Exemptions> }) =>
    call<PolicyPreviewJson>('POST', `${base(org)}/preview`, policy),
  runPolicyNow: (org: string, id: string) => call<RunNowJson>('POST', `${base(org)}/${encodeURIComponent(id)}/run`),
  policyRuns: (org: string, id: string, signal?: AbortSignal) =>
    call<PolicyRunJson[]>('GET', `${base(org)}/${encodeURIComponent(id)}/runs`, undefined, signal),
  saveWebhookUrl: (org: string, webhookUrl: string) => call<{ webhookUrl: string | null }>('PUT', `${base(org)}/webhook`, { webhookUrl }),
};
