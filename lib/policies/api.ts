import { ownRouteJson } from '@/lib/transport/own-routes';
import type { PoliciesPageData, PolicyListItem, PolicyPreviewJson, PolicyRunJson, RunNowJson } from './domain/page-data';
import type { Exemptions, PolicyDefinitionInput, PolicyRule } from './domain/schemas';

/**
 * The browser's calls to Hangar's policy routes (`/api/orgs/<org>/policies…`), which act for the
 * organisation's owners only (lib/transport/own-routes.ts): a refusal throws ApiError; bad input
 * throws InvalidFields, naming each field's problem for the form to show beside it.
 */

const base = (org: string) => `/api/orgs/${encodeURIComponent(org)}/policies`;

const call = <T>(method: string, url: string, body?: unknown, signal?: AbortSignal) => ownRouteJson<T>(method, url, { body, signal });

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
