import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { notices } from '@/lib/query/meta';
import { policiesApi } from './api';
import type { PolicyDefinitionInput } from './domain/schemas';

/** Query and mutation options for the policies page, named as the routes' operations, with keys in `policyKeys`. */

const policyKeys = {
  all: ['policies'] as const,
  policiesOf: (org: string) => [...policyKeys.all, org.toLowerCase()] as const,
  policyRuns: (org: string, id: string) => [...policyKeys.policiesOf(org), id, 'runs'] as const,
};

export function policiesOfQuery(org: string) {
  return queryOptions({
    queryKey: policyKeys.policiesOf(org),
    queryFn: ({ signal }) => policiesApi.policiesOf(org, signal),
    // A refusal (not an owner, signed out) is an answer, not a hiccup.
    retry: (count, error) => count < 2 && !('status' in error && [400, 401, 403, 404].includes(error.status as number)),
  });
}

export function policyRunsQuery(org: string, id: string) {
  return queryOptions({ queryKey: policyKeys.policyRuns(org, id), queryFn: ({ signal }) => policiesApi.policyRuns(org, id, signal) });
}

const refresh = (queryClient: QueryClient, org: string) => queryClient.invalidateQueries({ queryKey: policyKeys.policiesOf(org) });

/** New policy, or an edit of one (`id`). Errors show beside the form's fields, not as a toast. */
export function savePolicy(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'save'],
    mutationFn: ({ id, definition }: { id: string | null; definition: PolicyDefinitionInput }) =>
      id ? policiesApi.updatePolicy(org, id, definition) : policiesApi.createPolicy(org, definition),
    onSuccess: () => refresh(queryClient, org),
    meta: notices({ success: (policy: { name: string }, { id }: { id: string | null }) => `${id ? 'Saved' : 'Created'} “${policy.name}”` }),
  });
}

export function setPolicyEnabled(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'enabled'],
    mutationFn: ({ id, enabled }: { id: string; name: string; enabled: boolean }) => policiesApi.setPolicyEnabled(org, id, enabled),
    onSettled: () => refresh(queryClient, org),
    meta: notices({
      success: (_: unknown, { name, enabled }: { name: string; enabled: boolean }) => `${enabled ? 'Enabled' : 'Disabled'} “${name}”`,
      failure: ({ name, enabled }: { name: string; enabled: boolean }) => `Could not ${enabled ? 'enable' : 'disable'} “${name}”`,
    }),
  });
}

export function deletePolicy(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'delete'],
    mutationFn: ({ id }: { id: string; name: string }) => policiesApi.deletePolicy(org, id),
    onSettled: () => refresh(queryClient, org),
    meta: notices({
      success: (_: unknown, { name }: { name: string }) => `Deleted “${name}”`,
      failure: ({ name }: { name: string }) => `Could not delete “${name}”`,
    }),
  });
}

export function runPolicyNow(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'run'],
    mutationFn: ({ id }: { id: string; name: string }) => policiesApi.runPolicyNow(org, id),
    onSettled: (_data, _error, { id }) => {
      void refresh(queryClient, org);
      void queryClient.invalidateQueries({ queryKey: policyKeys.policyRuns(org, id) });
    },
    meta: notices({
      success: (result: { ran: boolean; why?: string; run?: { summary: string } }, { name }: { name: string }) =>
        result.ran ? `Ran “${name}”` : `“${name}” did not run: ${result.why}`,
      failure: ({ name }: { name: string }) => `Could not run “${name}”`,
    }),
  });
}

/** Preview: what a policy would do now. Its answer is shown in place; nothing is changed. */
export function previewPolicy(org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'preview'],
    mutationFn: (policy: Parameters<typeof policiesApi.previewPolicy>[1]) => policiesApi.previewPolicy(org, policy),
  });
}

export function saveWebhookUrl(queryClient: QueryClient, org: string) {
  return mutationOptions({
    mutationKey: [...policyKeys.policiesOf(org), 'webhook'],
    mutationFn: (webhookUrl: string) => policiesApi.saveWebhookUrl(org, webhookUrl),
    onSuccess: () => refresh(queryClient, org),
    meta: notices({
      success: (saved: { webhookUrl: string | null }) => (saved.webhookUrl ? 'Saved the webhook URL' : 'Removed the webhook URL'),
    }),
  });
}
