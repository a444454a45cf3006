import { describe, expect, it } from 'vitest';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { makeCodespace } from '@/lib/test/fixtures';
import { codespacesMonthUsage, splitByPayer, type SummaryItem } from './personal-usage';

const item = (overrides: Partial<SummaryItem>): SummaryItem => ({
  product: 'Codespaces',
  sku: 'Codespaces Linux 2-core',
  unitType: 'Hours',
  grossQuantity: 0,
  grossAmount: 0,
  discountAmount: 0,
  netAmount: 0,
  ...overrides,
});

describe('a month of Codespaces usage, from GitHub’s summary', () => {
  it('counts compute in core-hours: each machine’s hours times its cores', () => {
    const usage = codespacesMonthUsage([
      item({ sku: 'Codespaces Linux 2-core', grossQuantity: 10, grossAmount: 1.8, netAmount: 1.8 }),
      item({ sku: 'Codespaces Linux 8-core', grossQuantity: 3, grossAmount: 2.16, netAmount: 2.16 }),
    ]);
    expect(usage.coreHours).toBe(10 * 2 + 3 * 8);
    expect(usage.netAmount).toBe(3.96);
  });

  it('counts storage in GB-months, from GitHub’s gigabyte-hours', () => {
    const usage = codespacesMonthUsage([item({ sku: 'Codespaces Storage', unitType: 'GigabyteHours', grossQuantity: 32 * 730 })]);
    expect(usage.storageGbMonths).toBe(32);
    expect(usage.coreHours).toBe(0);
  });

  it('keeps what the plan includes apart from what is billed', () => {
    const usage = codespacesMonthUsage([item({ grossQuantity: 50, grossAmount: 9, discountAmount: 9, netAmount: 0 })]);
    expect(usage).toMatchObject({ grossAmount: 9, discountAmount: 9, netAmount: 0, coreHours: 100, hasItems: true });
  });

  it('leaves out other products that share the report', () => {
    const usage = codespacesMonthUsage([
      item({ product: 'Actions', sku: 'Actions Linux', unitType: 'Minutes', grossQuantity: 400, grossAmount: 3.2, netAmount: 3.2 }),
    ]);
    expect(usage).toEqual({ coreHours: 0, storageGbMonths: 0, grossAmount: 0, discountAmount: 0, netAmount: 0, hasItems: false });
  });

  it('reads product names whatever their case, and a SKU it cannot size adds cost but no core-hours', () => {
    const usage = codespacesMonthUsage([
      item({ product: 'codespaces', sku: 'Codespaces Prebuild Storage', unitType: 'Hours', grossQuantity: 5, netAmount: 0.5 }),
    ]);
    expect(usage).toMatchObject({ coreHours: 0, netAmount: 0.5, hasItems: true });
  });
});

describe('what the personal quota counts: only what the user pays for', () => {
  const billedTo = (payer: string, overrides: Parameters<typeof makeCodespace>[0] = {}) =>
    summarizeCodespace(makeCodespace({ ...overrides, billable_owner: { ...makeCodespace().owner, login: payer } }));

  it('counts codespaces billed to the user, and shows those an organisation pays for apart, by who pays', () => {
    const mine = [billedTo('mona', { state: 'Available' }), billedTo('Mona', { state: 'Shutdown' })];
    const octo = [billedTo('octo-org', { state: 'Available' }), billedTo('octo-org', { state: 'Available' }), billedTo('octo-org')];
    const acme = [billedTo('acme-corp', { state: 'Shutdown' })];
    const { own, others } = splitByPayer([...octo, mine[0]!, ...acme, mine[1]!], 'mona');

    expect(own.codespaces).toEqual(mine);
    // One running 4-core codespace of the user's own: 4 cores, $0.36 an hour, against the quota.
    expect(own.estimate).toMatchObject({ running: 1, runningCores: 4, stored: 2 });
    expect(own.estimate.computePerHour).toBeCloseTo(0.36);

    expect(others.map((share) => [share.payer, share.codespaces.length, share.estimate.runningCores])).toEqual([
      ['octo-org', 3, 8],
      ['acme-corp', 1, 0],
    ]);
    expect(others[0]!.estimate.computePerHour).toBeCloseTo(0.72);
  });

  it('leaves out gone codespaces, which bill nothing', () => {
    const { own, others } = splitByPayer([billedTo('mona', { state: 'Deleted' }), billedTo('octo-org', { state: 'Moved' })], 'mona');
    expect(own.codespaces).toEqual([]);
    expect(others).toEqual([]);
  });
});
