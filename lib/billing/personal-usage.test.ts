import { describe, expect, it } from 'vitest';
import { codespacesMonthUsage, type SummaryItem } from './personal-usage';

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
