import 'server-only';
import { database } from '@/lib/db/database.server';
import { logEvent } from '@/lib/server/log.server';
import { policyDefinitionSchema } from './domain/schemas';
import { policyRepository } from './store.server';

/** What demo mode shows on the policies page of a fresh database: an example, disabled, so nothing acts until someone enables it. */
const DEMO_POLICY = { org: 'octo-org', createdBy: 'mona', name: 'Stop idle codespaces after 2 hours' } as const;

/**
 * Demo mode's example policy, made once: on the first start of a fresh database (a database that
 * existed before, even one whose example was deleted, gets none).
 */
export async function seedDemoPolicy(): Promise<void> {
  const open = await database();
  if (!open.fresh) return;
  const store = policyRepository(open.db);
  if ((await store.list(DEMO_POLICY.org)).length > 0) return;
  await store.create(
    DEMO_POLICY.org,
    policyDefinitionSchema.parse({ name: DEMO_POLICY.name, enabled: false, rule: { kind: 'idle-limit', limit: 2, unit: 'hours' } }),
    DEMO_POLICY.createdBy,
  );
  logEvent('info', 'policy.demo', { state: 'example policy created', org: DEMO_POLICY.org, name: DEMO_POLICY.name });
}
