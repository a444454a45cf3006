import { describe, expect, it } from 'vitest';
import { makeCodespace, makeUsageItem } from '@/lib/test/fixtures';
import { estimateMemberCosts } from '@/lib/usage/domain/member-estimate';
import { memberCostsFromCsv, parseUsageCsv } from '@/lib/usage/domain/usage-csv';
import { skuCores, usageKind } from '@/lib/usage/domain/usage-items';
import { dailyCost, summarizeUsage, usageItemsToCsv } from '@/lib/usage/domain/usage-report';

const item = makeUsageItem;

describe('the billing usage report, summed for the usage page', () => {
  const items = [
    item({}),
    item({
      date: '2026-11-03T00:00:00Z',
      sku: 'Codespaces Storage',
      unitType: 'GigabyteHours',
      quantity: 720,
      netAmount: 0.07 * (720 / 730),
    }),
    item({ date: '2026-11-03T00:00:00Z', repositoryName: 'octo-org/api', sku: 'Codespaces Linux 8-core', netAmount: 7.2 }),
    item({ product: 'Actions', sku: 'Actions Linux', netAmount: 99 }),
    item({ date: '2026-10-31T00:00:00Z', netAmount: 50 }),
  ];
  const summary = summarizeUsage(items, { from: '2026-11-01', to: '2026-11-05' });

  it('keeps only Codespaces items of the chosen period', () => {
    expect(summary.items).toHaveLength(3);
    expect(summary.total.net).toBeCloseTo(3.6 + 7.2 + 0.07 * (720 / 730));
  });

  it('has a bar for every day, quiet days at zero, compute and storage apart', () => {
    expect(summary.byDay.map((d) => d.date)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(summary.byDay[1]).toEqual({ date: '2026-11-02', compute: 3.6, storage: 0 });
    expect(summary.byDay[2]!.compute).toBeCloseTo(7.2);
    expect(summary.byDay[2]!.storage).toBeCloseTo(0.069, 3);
    expect(dailyCost(summary).get('2026-11-04')).toBe(0);
  });

  it('ranks repositories and SKUs by cost', () => {
    expect(summary.byRepository.map((r) => r.repository)).toEqual(['octo-org/api', 'octo-org/web']);
    expect(summary.bySku[0]).toMatchObject({ sku: 'Codespaces Linux 8-core', kind: 'compute', cores: 8 });
  });

  it('tells compute from storage and reads a SKU’s cores', () => {
    expect(usageKind({ sku: 'Codespaces Storage', unitType: 'GigabyteHours' })).toBe('storage');
    expect(usageKind({ sku: 'Codespaces Linux 16-core', unitType: 'Hours' })).toBe('compute');
    expect(skuCores('Codespaces Linux 16-core')).toBe(16);
    expect(skuCores('Codespaces Storage')).toBeNull();
  });

  it('downloads as CSV with quoting where needed', () => {
    const csv = usageItemsToCsv([item({ repositoryName: 'octo-org/"odd", name' })]);
    expect(csv.split('\r\n')[0]).toBe(
      'date,product,sku,quantity,unitType,pricePerUnit,grossAmount,discountAmount,netAmount,organizationName,repositoryName',
    );
    expect(csv).toContain('"octo-org/""odd"", name"');
  });
});

describe('per-member cost', () => {
  const as = (login: string, cpus: number, repo: string, lastUsed = '2026-11-02T10:00:00Z') => {
    const base = makeCodespace({ repo, last_used_at: lastUsed });
    return { ...base, owner: { ...base.owner, login }, machine: { ...base.machine!, cpus } };
  };

  it('is estimated by spreading each repository’s cost over its members’ codespaces of that machine size', () => {
    const codespaces = [
      as('lisa', 4, 'octo-org/web'),
      as('sam', 4, 'octo-org/web'),
      as('hubot', 8, 'octo-org/web'),
      as('old', 4, 'octo-org/web', '2026-09-01T00:00:00Z'),
    ];
    const { members, unattributed } = estimateMemberCosts(
      [item({ netAmount: 10 }), item({ repositoryName: 'octo-org/elsewhere', netAmount: 5 })],
      codespaces,
      '2026-11-01',
    );
    expect(unattributed).toBe(5);
    expect(members.map((m) => [m.member, m.compute])).toEqual([
      ['lisa', 5],
      ['sam', 5],
    ]);
    expect(members[0]!.coreHours).toBe(20);
  });

  it('is exact from GitHub’s detailed usage CSV, and a bad row is reported by its line', () => {
    const csv = [
      'date,product,sku,quantity,unit_type,applied_cost_per_quantity,gross_amount,discount_amount,net_amount,username,organization,repository,workflow_path,cost_center_name',
      '2026-11-02,codespaces,Codespaces Linux 4-core,10,hours,0.36,3.6,0,3.6,lisa,octo-org,octo-org/web,,',
      '2026-11-02,codespaces,Codespaces Storage,30,gigabyte-hours,0.0001,0.003,0,0.003,lisa,octo-org,octo-org/web,,',
      '2026-11-03,codespaces,Codespaces Linux 8-core,2,hours,0.72,1.44,0,1.44,sam,octo-org,octo-org/api,,',
      '2026-13-45,codespaces,Codespaces Linux 8-core,2,hours,0.72,1.44,0,1.44,sam,octo-org,octo-org/api,,',
      '2026-11-03,codespaces,Codespaces Linux 8-core,lots,hours,0.72,1.44,0,1.44,sam,octo-org,octo-org/api,,',
      '2026-11-03,codespaces,Codespaces Linux 8-core,2,hours,0.72,1.44,0,1.44,not a login!,octo-org,octo-org/api,,',
      '2026-11-03,actions,Actions Linux,100,minutes,0.008,0.8,0,0.8,sam,octo-org,octo-org/api,.github/workflows/ci.yml,',
    ].join('\n');
    const parsed = parseUsageCsv(csv);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(parsed.errors.map((e) => e.line)).toEqual([5, 6, 7]);
    expect(parsed.errors[0]!.message).toMatch(/date/);
    expect(parsed.errors[1]!.message).toMatch(/quantity/);
    expect(parsed.errors[2]!.message).toMatch(/username/);
    expect(parsed.otherProducts).toBe(1);

    const costs = memberCostsFromCsv(parsed.rows);
    expect(costs).toEqual([
      { member: 'lisa', compute: 3.6, storage: 0.003, total: 3.603, coreHours: 40 },
      { member: 'sam', compute: 1.44, storage: 0, total: 1.44, coreHours: 16 },
    ]);
  });

  it('reads GitHub’s older CSV layout too, computing the amount from price and quantity', () => {
    const csv =
      'Date,Product,SKU,Quantity,Unit Type,Price Per Unit ($),Multiplier,Owner,Repository Slug,Username,Actions Workflow,Notes\n2026-11-02,Codespaces,Codespaces Linux 2-core,5,hours,$0.18,1,octo-org,octo-org/web,lisa,,\n';
    const parsed = parseUsageCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ username: 'lisa', repository: 'octo-org/web', netAmount: 0.9 });
  });

  it('refuses a file that is not a usage report, saying which columns are missing', () => {
    expect(parseUsageCsv('name,age\nmona,12\n').errors).toEqual([
      { line: 1, message: expect.stringMatching(/missing columns date, product, sku, quantity, username/) },
    ]);
  });
});
