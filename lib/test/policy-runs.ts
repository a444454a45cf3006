import type { PolicyRunRecord } from '@/lib/policies/ports';

/** A finished run of a policy as the runner records it: one codespace stopped, one skipped. */
export function policyRun(policyId: string, org: string, overrides: Partial<PolicyRunRecord> = {}): PolicyRunRecord {
  const at = new Date('2026-12-01T12:00:00.123Z');
  return {
    id: crypto.randomUUID(),
    policyId,
    org,
    policyName: 'Stop idle codespaces',
    kind: 'idle-limit',
    trigger: 'manual',
    evaluatedAt: at,
    startedAt: at,
    finishedAt: new Date(at.getTime() + 2_000),
    status: 'completed',
    summary: 'Stopped 1 codespace.',
    writes: [
      {
        action: 'stop',
        codespace: 'a-1',
        displayName: 'Perf profiling',
        member: 'priya-k',
        reason: 'Running and unused for 3 hours (limit: 2 hours)',
        at: new Date(at.getTime() + 1_000),
        ok: true,
        status: 202,
        answer: 'Accepted',
        recheck: null,
      },
    ],
    skipped: [{ action: 'stop', codespace: 'b-2', displayName: 'b-2', member: 'olu-a', why: 'It no longer exists' }],
    kept: [],
    exempt: [],
    notes: [],
    error: null,
    webhook: null,
    ...overrides,
  };
}
