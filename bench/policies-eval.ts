/**
 * The policies part's measurement (bench/parts/policies.mjs), in a process of its own so its CPU
 * time is the runner's alone: the real policy runner, GitHub adapter and installation client
 * (as Hangar's GitHub App) against the benchmark's emulator at BENCH_EMULATOR_URL, with the
 * policies held in memory. Run with `tsx --conditions=react-server` (server-only modules).
 * BENCH_POLICY_MODE:
 * - `unchanged`: four policies over the organisation, evaluated once to learn its ETags, then
 *   measured: the upstream requests of the second evaluation and its CPU time;
 * - `stops`: one idle policy with BENCH_POLICY_STOPS codespaces to stop, at BENCH_POLICY_SPACING_MS
 *   between write starts: when GitHub got the last stop, and the most writes in flight.
 * Prints one line of JSON.
 */
import { readFileSync } from 'node:fs';
import { githubAppAuth } from '@/lib/github-app/app-auth.server';
import { installationClient } from '@/lib/github-app/installation-client.server';
import { InstallationTokens } from '@/lib/github-app/installation-tokens.server';
import { MemoryInstallationTokenStore } from '@/lib/github-app/token-store.server';
import { orgGithub } from '@/lib/policies/org-github.server';
import type { OrgGithub, PolicyStore, StoredPolicy } from '@/lib/policies/ports';
import { createPolicyRunner } from '@/lib/policies/runner.server';
import type { PolicyRule } from '@/lib/policies/domain/schemas';

const url = process.env.BENCH_EMULATOR_URL!;
const mode = process.env.BENCH_POLICY_MODE;
const ORG = 'octo-org';

function policy(id: string, rule: PolicyRule): StoredPolicy {
  return {
    id,
    org: ORG,
    name: id,
    enabled: true,
    rule,
    exempt: { members: [], codespaces: [] },
    updatedAt: new Date(0),
    lastEvaluatedAt: null,
  };
}

async function main() {
  const apiUrl = `${url}/api`;
  const app = githubAppAuth({
    appId: process.env.BENCH_APP_ID!,
    privateKey: readFileSync(process.env.BENCH_APP_KEY_PATH!, 'utf8'),
    apiUrl,
  });
  const tokens = new InstallationTokens({
    appId: app.appId,
    mint: (id) => app.mintInstallationToken(id),
    local: new MemoryInstallationTokenStore(),
  });
  const client = installationClient({ org: ORG, apiUrl, app, tokens, rulesOf: () => undefined });
  const adapter = orgGithub(() => client);
  let inFlight = 0;
  let maxInFlight = 0;
  const counted =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await write(...args);
      } finally {
        inFlight--;
      }
    };
  const github: OrgGithub = {
    ...adapter,
    stopMemberCodespace: counted(adapter.stopMemberCodespace),
    deleteMemberCodespace: counted(adapter.deleteMemberCodespace),
  };

  const now = new Date();
  // Quiet hours six hours from now: not due, so it reads nothing.
  const later = new Date(now.getTime() + 6 * 3_600_000);
  const policies =
    mode === 'unchanged'
      ? [
          policy('idle', { kind: 'idle-limit', limit: 168, unit: 'hours' }),
          policy('quiet', {
            kind: 'quiet-hours',
            time: `${String(later.getUTCHours()).padStart(2, '0')}:00`,
            weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
            timeZone: 'UTC',
          }),
          policy('stale', { kind: 'stale-cleanup', days: 365 }),
          policy('budget', { kind: 'monthly-budget', amountUsd: 100_000 }),
        ]
      : [policy('idle', { kind: 'idle-limit', limit: 4, unit: 'hours' })];
  const store: PolicyStore = {
    orgsWithEnabledPolicies: async () => [ORG],
    enabledPolicies: async () => policies,
    webhookUrl: async () => null,
    recordRun: async () => undefined,
    markEvaluated: async () => undefined,
  };
  const runner = createPolicyRunner({
    github,
    store,
    audit: { append: async () => undefined },
    webhook: { post: async () => ({ ok: true }) },
    writeSpacingMs: Number(process.env.BENCH_POLICY_SPACING_MS ?? 1000),
    log: () => undefined,
  });

  if (mode === 'unchanged') {
    // Twice: the first learns every page's ETag; codespaces still settling from the seed (stopping,
    // starting) change their pages once more meanwhile.
    await runner.evaluateAllPolicies(new Date());
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await runner.evaluateAllPolicies(new Date());
    const since = Date.now();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await runner.evaluateAllPolicies(new Date());
    const used = process.cpuUsage(cpu);
    const wallMs = performance.now() - started;
    const entries = (
      (await (await fetch(`${url}/_emulator/log?since=${since}`)).json()) as { entries: { method: string; path: string; status: number }[] }
    ).entries;
    const statuses: Record<string, number> = {};
    // Pages GitHub answered in full: what changed since the last evaluation.
    const fresh = entries.filter((e) => e.path.startsWith('/orgs/') && e.status === 200).map((e) => e.path);
    for (const e of entries) {
      const what = e.path.startsWith('/orgs/') ? 'codespaces' : e.path.startsWith('/organizations/') ? 'billing' : 'other';
      statuses[`${what} ${e.status}`] = (statuses[`${what} ${e.status}`] ?? 0) + 1;
    }
    console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, wallMs, statuses, fresh, report }));
  } else {
    const since = Date.now();
    const started = performance.now();
    const report = await runner.evaluateAllPolicies(new Date());
    const entries = (
      (await (await fetch(`${url}/_emulator/log?since=${since}`)).json()) as {
        entries: { method: string; path: string; status: number; at: number }[];
      }
    ).entries;
    const stops = entries.filter((e) => e.method === 'POST' && e.path.endsWith('/stop'));
    const last = Math.max(...stops.map((e) => e.at));
    const first = Math.min(...stops.map((e) => e.at));
    console.log(
      JSON.stringify({
        stops: stops.length,
        ok: stops.filter((e) => e.status < 300).length,
        untilLastStopMs: last - since,
        untilFirstStopMs: first - since,
        wallMs: performance.now() - started,
        maxInFlight,
        report: report.skipped ? report : report.orgs,
      }),
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
