import 'server-only';
import { serverPolicyRunner } from './server-runner.server';
import { logEvent } from '@/lib/server/log.server';

/**
 * What the scheduler runs each interval: every enabled policy of every organisation, through the
 * policy runner (lib/policies), which records each run and each change it makes. The report goes
 * to the log, one line an interval.
 */
export async function runScheduledPolicies(now: Date): Promise<void> {
  const report = await (await serverPolicyRunner()).evaluateAllPolicies(now);
  if (report.skipped) {
    logEvent('warn', 'policy.schedule', { state: 'skipped', why: report.why, at: now.toISOString() });
    return;
  }
  logEvent('info', 'policy.schedule', {
    state: 'evaluated',
    at: now.toISOString(),
    ms: report.finishedAt.getTime() - report.startedAt.getTime(),
    orgs: report.orgs.map(({ org, reads, policies }) => ({ org, reads, policies: policies.map((p) => `${p.name}: ${p.outcome}`) })),
  });
}
