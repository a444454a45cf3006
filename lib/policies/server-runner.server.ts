import 'server-only';
import { serverAuditLog } from '@/lib/audit/log.server';
import { operations as codespaceOperations } from '@/lib/codespaces/operations';
import { operationRules as codespaceRules } from '@/lib/codespaces/operations.server';
import { serverConfig } from '@/lib/config';
import { organisationClient } from '@/lib/github-app/organisation-client.server';
import { allowlistOf } from '@/lib/github/allowlist.server';
import { operations as usageOperations } from '@/lib/usage/operations';
import { operationRules as usageRules } from '@/lib/usage/operations.server';
import { orgGithub } from './org-github.server';
import { createPolicyRunner, type PolicyRunner } from './runner.server';
import { serverPolicyRepository } from './store.server';
import { createWebhookPoster } from './webhook.server';

/** The operations policies make, held to the same zod rules the proxy holds a person's requests to. */
const policyRules = allowlistOf({ ...codespaceOperations, ...usageOperations }, { ...codespaceRules, ...usageRules });
const rulesOf = (method: string, route: string) => policyRules.find((rule) => rule.method === method && rule.route === route);

// On globalThis: one runner per process (its ETag cache, its "already running" guard), however many bundles load this.
const holder = globalThis as typeof globalThis & { __hangarPolicyRunner?: Promise<PolicyRunner> };

/**
 * The server's policy runner: GitHub as Hangar's GitHub App on each organisation, the database's
 * policies and audit log, and the webhook poster with the deployment's HANGAR_WEBHOOK_ALLOW_PRIVATE.
 */
export function serverPolicyRunner(): Promise<PolicyRunner> {
  holder.__hangarPolicyRunner ??= (async () => {
    const [store, audit] = await Promise.all([serverPolicyRepository(), serverAuditLog()]);
    return createPolicyRunner({
      github: orgGithub((org) => organisationClient(org, rulesOf)),
      store,
      audit,
      webhook: createWebhookPoster({ allowPrivate: serverConfig().webhookAllowPrivate }),
    });
  })().catch((error: unknown) => {
    holder.__hangarPolicyRunner = undefined;
    throw error;
  });
  return holder.__hangarPolicyRunner;
}
