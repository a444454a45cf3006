import { describe, expect, it } from 'vitest';
import { makeCodespace, makeUsageItem } from '@/lib/test/fixtures';
import { estimateMemberCosts } from './member-estimate';
import { billingMonthOf, monthCosts, recordMonthCost } from './month-cost';

const GB = 1024 ** 3;
const now = Date.parse('2026-11-21T10:00:00Z');
const as = (login: string, overrides: Parameters<typeof makeCodespace>[0] = {}) => {
  const base = makeCodespace(overrides);
  return {
    ...base,
    owner: { ...base.owner, login },
    billable_owner: { ...base.billable_owner, login: overrides.billable_owner?.login ?? login },
  };
};

describe('what a codespace has cost this month, from its own record', () => {
  it('counts its disk for every hour it existed this month, running or stopped', () => {
    // 32 GB since 1 November 00:00, 490 hours: 32 × 490 / 730 GB-months at $0.07.
    const stopped = makeCodespace({ state: 'Shutdown', created_at: '2026-10-01T00:00:00Z', last_used_at: '2026-11-20T10:00:00Z' });
    const cost = recordMonthCost(stopped, now);
    expect(cost.storage).toBeCloseTo((32 * 490 * 0.07) / 730, 6);
    expect(cost.compute).toBe(0);
    expect(cost.basis).toBe('record');
  });

  it('adds the compute of the run going on now, at the machine’s rate', () => {
    // Started 5 hours ago on 4 cores: 5 × $0.36.
    const running = makeCodespace({ state: 'Available', created_at: '2026-11-21T00:00:00Z', last_used_at: '2026-11-21T05:00:00Z' });
    const cost = recordMonthCost(running, now);
    expect(cost.compute).toBeCloseTo(1.8, 6);
    expect(cost.coreHours).toBeCloseTo(20, 6);
    expect(cost.total).toBeCloseTo(cost.compute + cost.storage, 9);
  });

  it('counts nothing from before the month began', () => {
    const longRunning = makeCodespace({ state: 'Available', created_at: '2026-09-01T00:00:00Z', last_used_at: '2026-10-31T00:00:00Z' });
    expect(recordMonthCost(longRunning, now).coreHours).toBeCloseTo(4 * 490, 6);
  });
});

describe('what each codespace has cost this month, from GitHub’s billing usage report', () => {
  const report = (items: ReturnType<typeof makeUsageItem>[]) => ({ account: 'octo-org', items, from: '2026-11-01' });

  it('shares each repository’s compute among its codespaces of that machine size used this month', () => {
    const lisa = as('lisa', { billable_owner: { login: 'octo-org' } as never, repo: 'octo-org/web' });
    const sam = as('sam', { billable_owner: { login: 'octo-org' } as never, repo: 'octo-org/web' });
    const idle = as('old', { billable_owner: { login: 'octo-org' } as never, repo: 'octo-org/web', last_used_at: '2026-09-01T00:00:00Z' });
    const costs = monthCosts([lisa, sam, idle], { now, reports: [report([makeUsageItem({ netAmount: 10 })])] });
    expect(costs.get(lisa.name)).toMatchObject({ compute: 5, basis: 'report' });
    expect(costs.get(sam.name)!.compute).toBe(5);
    expect(costs.get(idle.name)!.compute).toBe(0);
  });

  it('shares storage by disk size', () => {
    const small = as('lisa', { billable_owner: { login: 'octo-org' } as never });
    const big = as('sam', { billable_owner: { login: 'octo-org' } as never });
    big.machine = { ...big.machine!, storage_in_bytes: 96 * GB };
    const storage = makeUsageItem({ sku: 'Codespaces Storage', unitType: 'GigabyteHours', netAmount: 4 });
    const costs = monthCosts([small, big], { now, reports: [report([storage])] });
    expect(costs.get(small.name)!.storage).toBeCloseTo(1, 9);
    expect(costs.get(big.name)!.storage).toBeCloseTo(3, 9);
  });

  it('uses a report only for the codespaces billed to its account; the others are estimated from their record', () => {
    const orgPaid = as('mona', { billable_owner: { login: 'octo-org' } as never });
    const ownPaid = as('mona', { state: 'Available', last_used_at: '2026-11-21T09:00:00Z' });
    const costs = monthCosts([orgPaid, ownPaid], { now, reports: [report([makeUsageItem({ netAmount: 3 })])] });
    expect(costs.get(orgPaid.name)).toMatchObject({ compute: 3, basis: 'report' });
    expect(costs.get(ownPaid.name)).toMatchObject({ basis: 'record' });
    expect(costs.get(ownPaid.name)!.compute).toBeCloseTo(0.36, 6);
  });

  it('answers which codespace cost the most: a member’s estimate is the sum of their codespaces’', () => {
    const billed = { billable_owner: { login: 'octo-org' } as never };
    const codespaces = [
      as('lisa', { ...billed, repo: 'octo-org/web' }),
      as('lisa', { ...billed, repo: 'octo-org/api' }),
      as('sam', { ...billed, repo: 'octo-org/web' }),
    ];
    const items = [
      makeUsageItem({ netAmount: 10 }),
      makeUsageItem({ repositoryName: 'octo-org/api', netAmount: 7 }),
      makeUsageItem({ repositoryName: 'octo-org/api', sku: 'Codespaces Storage', unitType: 'GigabyteHours', netAmount: 1 }),
    ];
    const costs = monthCosts(codespaces, { now, reports: [report(items)] });
    const { members } = estimateMemberCosts(items, codespaces, '2026-11-01');
    for (const member of members) {
      const own = codespaces.filter((c) => c.owner.login === member.member).map((c) => costs.get(c.name)!);
      expect(member.total).toBeCloseTo(
        own.reduce((sum, c) => sum + c.total, 0),
        9,
      );
      expect(member.coreHours).toBeCloseTo(
        own.reduce((sum, c) => sum + c.coreHours, 0),
        9,
      );
    }
    expect(members.map((m) => [m.member, m.total])).toEqual([
      ['lisa', 13],
      ['sam', 5],
    ]);
  });

  it('leaves out codespaces that are gone: they cost nothing more', () => {
    const gone = makeCodespace({ state: 'Deleted' });
    expect(monthCosts([gone], { now }).has(gone.name)).toBe(false);
  });
});

describe('the billing month GitHub reports usage for', () => {
  // Metered usage (Codespaces included) is billed by calendar month in UTC, whatever the user's time zone.
  it('is the UTC calendar month: an evening of 30 November in California is already December', () => {
    expect(billingMonthOf(Date.parse('2026-11-30T17:30:00-08:00'))).toEqual({ year: 2026, month: 12 });
  });

  it('turns the year at midnight UTC on 1 January', () => {
    expect(billingMonthOf(Date.parse('2026-12-31T23:59:59Z'))).toEqual({ year: 2026, month: 12 });
    expect(billingMonthOf(Date.parse('2027-01-01T00:00:00Z'))).toEqual({ year: 2027, month: 1 });
  });
});
