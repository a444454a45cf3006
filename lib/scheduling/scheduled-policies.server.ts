import 'server-only';
import { serverPolicyStore } from '@/lib/db/policies.server';
import { logEvent } from '@/lib/server/log.server';

/**
 * What the scheduler runs each interval: every enabled policy of every organisation. The policy
 * rules and their runner (lib/policies) provide that evaluation, `evaluateAllPolicies(now)`; this
 * is where it plugs in. Until it does, a scheduled run finds the enabled policies and says, once
 * an interval, that nothing in this build can run them.
 */
export async function runScheduledPolicies(now: Date): Promise<void> {
  const enabled = await (await serverPolicyStore()).listEnabled();
  if (enabled.length)
    logEvent('warn', 'policy.schedule', { state: 'no policy runner in this build', at: now.toISOString(), enabled: enabled.length });
}
