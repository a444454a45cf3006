import 'server-only';
import { z, ZodError } from 'zod';
import { serverConfig } from '@/lib/config';
import { AppNotConfigured, appInstalledOn } from '@/lib/github-app/organisation-client.server';
import { logEvent } from '@/lib/server/log.server';
import { describePolicy } from './domain/describe';
import type { AppStatus, Json, PoliciesPageData, PolicyListItem, PolicyPreviewJson, PolicyRunJson, RunNowJson } from './domain/page-data';
import { exemptionsSchema, fieldErrors, policyDefinitionSchema, policyRuleSchema, webhookUrlSchema } from './domain/schemas';
import type { PolicyRunRecord, SavedPolicy } from './ports';
import { serverPolicyRunner } from './server-runner.server';
import { PolicyNameTaken, serverPolicyRepository } from './store.server';
import { vetWebhookTarget } from './webhook.server';

/**
 * What the policies routes do for an owner of the organisation (the routes check that first):
 * every input parsed with the rules' schemas (nothing is saved unless it parses), errors named by
 * field. Answers are JSON-ready (`domain/page-data.ts`).
 */

/** Input that does not parse: each field's problem, for the form to show beside it. Nothing was saved. */
export class InvalidInput extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? 'Check the form');
    this.name = 'InvalidInput';
  }
}

/** The organisation has no policy by that id. */
export class NoSuchPolicy extends Error {
  constructor() {
    super('No such policy in this organisation');
    this.name = 'NoSuchPolicy';
  }
}

function parsed<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new InvalidInput(fieldErrors(result.error));
  return result.data;
}

const json = <T>(value: T): Json<T> => JSON.parse(JSON.stringify(value)) as Json<T>;
const runJson = (run: PolicyRunRecord): PolicyRunJson => json(run);

function listItem(policy: SavedPolicy, lastRun: PolicyRunRecord | undefined): PolicyListItem {
  return {
    id: policy.id,
    name: policy.name,
    enabled: policy.enabled,
    rule: policy.rule,
    exempt: policy.exempt,
    description: describePolicy(policy.rule),
    updatedAt: policy.updatedAt.toISOString(),
    updatedBy: policy.updatedBy,
    lastRun: lastRun ? runJson(lastRun) : null,
  };
}

/** Whether the app can act on `org`, in words when it cannot. */
async function appStatus(org: string): Promise<AppStatus> {
  try {
    const installed = await appInstalledOn(org);
    if (installed === null)
      return {
        state: 'not-configured',
        message: 'No GitHub App is configured for this Hangar, so policies cannot act on any organisation.',
      };
    return installed
      ? { state: 'installed' }
      : { state: 'not-installed', message: `Hangar’s GitHub App is not installed on ${org}, so its policies cannot run.` };
  } catch (error) {
    if (error instanceof AppNotConfigured) return { state: 'not-configured', message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    logEvent('warn', 'policy.app-status', { org, error: message });
    return { state: 'unknown', message: `Could not ask GitHub whether Hangar’s GitHub App is installed on ${org}: ${message}` };
  }
}

export async function policiesPageData(org: string): Promise<PoliciesPageData> {
  const store = await serverPolicyRepository();
  const [policies, latest, webhookUrl, app] = await Promise.all([
    store.list(org),
    store.latestRuns(org),
    store.webhookUrl(org),
    appStatus(org),
  ]);
  return { org: org.toLowerCase(), app, webhookUrl, policies: policies.map((p) => listItem(p, latest.get(p.id))) };
}

async function saved<T>(name: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof PolicyNameTaken) throw new InvalidInput({ name: error.message });
    if (error instanceof ZodError) throw new InvalidInput(fieldErrors(error));
    throw error;
  }
}

export async function createPolicy(org: string, by: string, input: unknown): Promise<PolicyListItem> {
  const definition = parsed(policyDefinitionSchema, input);
  const store = await serverPolicyRepository();
  return listItem(await saved(definition.name, () => store.create(org, definition, by)), undefined);
}

export async function updatePolicy(org: string, id: string, by: string, input: unknown): Promise<PolicyListItem> {
  const definition = parsed(policyDefinitionSchema, input);
  const store = await serverPolicyRepository();
  const updated = await saved(definition.name, () => store.update(org, id, definition, by));
  if (!updated) throw new NoSuchPolicy();
  return listItem(updated, (await store.latestRuns(org)).get(id));
}

export async function setPolicyEnabled(org: string, id: string, by: string, input: unknown): Promise<PolicyListItem> {
  const { enabled } = parsed(z.strictObject({ enabled: z.boolean({ error: 'Say enabled: true or false' }) }), input);
  const store = await serverPolicyRepository();
  const updated = await store.setEnabled(org, id, enabled, by);
  if (!updated) throw new NoSuchPolicy();
  return listItem(updated, (await store.latestRuns(org)).get(id));
}

export async function deletePolicy(org: string, id: string): Promise<void> {
  if (!(await (await serverPolicyRepository()).remove(org, id))) throw new NoSuchPolicy();
}

const previewInput = z.strictObject({
  rule: policyRuleSchema,
  exempt: exemptionsSchema.default({ members: [], codespaces: [] }),
});

/** What a policy (saved or not yet) would do now: the form's Preview and each saved policy's. Acts on nothing. */
export async function previewPolicy(org: string, input: unknown): Promise<PolicyPreviewJson> {
  const policy = parsed(previewInput, input);
  const app = await appStatus(org);
  if (app.state !== 'installed') return { ok: false, message: `Preview needs Hangar’s GitHub App: ${app.message}` };
  const preview = await (await serverPolicyRunner()).previewPolicy(org, policy, new Date());
  return json(preview);
}

/** Run now: the policy acts at once, whatever its schedule, and the run is recorded. */
export async function runPolicyNow(org: string, id: string): Promise<RunNowJson> {
  const policy = await (await serverPolicyRepository()).get(org, id);
  if (!policy) throw new NoSuchPolicy();
  const result = await (await serverPolicyRunner()).runPolicy(policy.org, policy, 'manual', new Date());
  return result.ran ? { ran: true, run: runJson(result.run) } : result;
}

export async function policyRuns(org: string, id: string): Promise<PolicyRunJson[]> {
  const store = await serverPolicyRepository();
  if (!(await store.get(org, id))) throw new NoSuchPolicy();
  return (await store.runs(org, id, { limit: 20 })).map(runJson);
}

/**
 * Saves the organisation's webhook URL (an empty one clears it): its syntax (https, no private
 * host written in it), then where its host name leads (every address public), unless
 * HANGAR_WEBHOOK_ALLOW_PRIVATE=1.
 */
export async function saveWebhookUrl(org: string, by: string, input: unknown): Promise<{ webhookUrl: string | null }> {
  const allowPrivate = serverConfig().webhookAllowPrivate;
  const { webhookUrl } = parsed(z.strictObject({ webhookUrl: webhookUrlSchema({ allowPrivate }) }), input);
  if (webhookUrl) {
    const target = await vetWebhookTarget(webhookUrl, { allowPrivate });
    if (!target.ok) throw new InvalidInput({ webhookUrl: target.message });
  }
  await (await serverPolicyRepository()).saveWebhookUrl(org, webhookUrl, by);
  return { webhookUrl };
}
