import { describe, expect, it } from 'vitest';
import { formatUsageQuantity, monthLabel, monthPeriod, recentMonths, repoSkuRows } from './org-usage';
import { makeUsageItem } from '@/lib/test/fixtures';
import type { UsageItem } from './usage-report';

// Two hours rather than the fixture's ten.
const item = (overrides: Partial<UsageItem>): UsageItem => makeUsageItem({ quantity: 2, grossAmount: 0.72, netAmount: 0.72, ...overrides });

describe('an organisation’s usage for a month', () => {
  it('offers the last six months, newest first', () => {
    expect(recentMonths(new Date('2026-12-01T10:00:00Z'))).toEqual(['2026-12', '2026-11', '2026-10', '2026-09', '2026-08', '2026-07']);
    expect(monthLabel('2026-11')).toBe('November 2026');
  });

  it('covers a past month whole, and the current one up to today', () => {
    const today = new Date('2026-12-05T10:00:00Z');
    expect(monthPeriod('2026-11', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2026-12', today)).toEqual({ from: '2026-12-01', to: '2026-12-05' });
  });

  it('sums the report by repository and SKU, naming items without a repository', () => {
    const rows = repoSkuRows([
      item({}),
      item({ date: '2026-11-03T00:00:00Z', quantity: 3, netAmount: 1.08 }),
      item({ sku: 'Codespaces Storage', unitType: 'GigabyteHours', quantity: 10, netAmount: 0.01 }),
      item({ repositoryName: '', quantity: 1, netAmount: 0.36 }),
    ]);
    expect(rows).toEqual([
      { repository: 'octo-org/web', sku: 'Codespaces Linux 4-core', quantity: 5, unitType: 'Hours', net: 1.8 },
      { repository: 'octo-org/web', sku: 'Codespaces Storage', quantity: 10, unitType: 'GigabyteHours', net: 0.01 },
      { repository: '(no repository)', sku: 'Codespaces Linux 4-core', quantity: 1, unitType: 'Hours', net: 0.36 },
    ]);
  });
});

describe('usage quantities in words', () => {
  it('writes GitHub’s unit types as people write them', () => {
    expect(formatUsageQuantity(254976, 'GigabyteHours')).toBe('254,976 GB-hours');
    expect(formatUsageQuantity(30, 'gigabyte-hours')).toBe('30 GB-hours');
    expect(formatUsageQuantity(22, 'Hours')).toBe('22 hours');
    expect(formatUsageQuantity(1, 'Hours')).toBe('1 hour');
    expect(formatUsageQuantity(2.25, 'GigabyteMonths')).toBe('2.3 GB-months');
  });

  it('never runs a unit it does not know into one word', () => {
    expect(formatUsageQuantity(3, 'UserMonths')).toBe('3 user months');
    expect(formatUsageQuantity(3, '')).toBe('3');
    expect(formatUsageQuantity(3, 'Hours').toLowerCase()).not.toContain('gigabytehours');
  });
});
