import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { applyListFilters, DEFAULT_FILTERS } from '@/lib/codespaces/domain/list-view';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { DEFAULT_ORG_FILTERS, filterOrgCodespaces } from '@/lib/orgs/domain/org-view';
import { myCodespacesCsv, orgCodespacesCsv } from '@/lib/codespaces/domain/csv';
import { monthCosts } from '@/lib/usage/domain/month-cost';

const NOW = Date.parse('2026-11-21T10:00:00Z');
import { memberCostsCsv, personalUsageCsv } from '@/lib/usage/domain/csv';
import { isoDate, plainNumber } from './csv';

/** Reads a download back as a spreadsheet would: the header row names the fields. */
function parse(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields, rows: parsed.data };
}

function codespace(login: string, overrides: Partial<Codespace> & { repo?: string; cpus?: number } = {}): Codespace {
  const { cpus, ...rest } = overrides;
  const base = makeCodespace(rest);
  const owner = { ...base.owner, login };
  return { ...base, owner, billable_owner: owner, machine: cpus ? { ...base.machine!, cpus } : base.machine };
}

const fleet = [
  codespace('mona', {
    name: 'mona-web-1',
    display_name: 'Checkout, "v2"\nrewrite',
    state: 'Available',
    last_used_at: '2026-11-24T08:30:00Z',
    git_status: { ahead: 2, behind: 0, has_unpushed_changes: true, has_uncommitted_changes: false, ref: 'feat/checkout' },
    retention_expires_at: null,
    cpus: 8,
  }),
  codespace('mona', { name: 'mona-api-2', display_name: '=HYPERLINK("x")', repo: 'octo-org/api', state: 'Shutdown' }),
  codespace('hubot', {
    name: 'hubot-web-3',
    display_name: null,
    state: 'Shutdown',
    git_status: { ahead: 0, behind: 1, has_unpushed_changes: false, has_uncommitted_changes: true, ref: 'main' },
    retention_expires_at: '2026-12-01T10:00:00.000Z',
    idle_timeout_minutes: 60,
    cpus: 7,
  }),
];

describe('CSV of my codespace list', () => {
  it('holds exactly the rows the list shows with its filters, with ISO dates and plain values', () => {
    const shown = applyListFilters(fleet.map(summarizeCodespace), { ...DEFAULT_FILTERS, state: 'stopped' });
    const { fields, rows } = parse(myCodespacesCsv(shown, monthCosts(shown, { now: NOW })));
    expect(fields).toEqual([
      'name',
      'display_name',
      'repository',
      'branch',
      'state',
      'machine',
      'cores',
      'last_used_at',
      'created_at',
      'has_unpushed_changes',
      'has_uncommitted_changes',
      'cost_this_month_usd_estimated',
      'cost_estimated_from',
    ]);
    expect(rows.map((r) => r.name)).toEqual(shown.map((c) => c.name));
    expect(rows.find((r) => r.name === 'hubot-web-3')).toEqual({
      name: 'hubot-web-3',
      display_name: '',
      repository: 'octo-org/web',
      branch: 'main',
      state: 'Shutdown',
      machine: 'standardLinux32gb',
      cores: '7',
      last_used_at: '2026-11-20T10:00:00Z',
      created_at: '2026-11-01T10:00:00Z',
      has_unpushed_changes: 'false',
      has_uncommitted_changes: 'true',
      // 32 GB for the 480 hours it has existed this month (since 1 November, 10:00), at $0.07 a GB-month; stopped, so no compute.
      cost_this_month_usd_estimated: String(Number(((32 * 480 * 0.07) / 730).toFixed(4))),
      cost_estimated_from: 'record',
    });
  });

  it('keeps commas, quotes and line breaks inside a name, and never lets a name run as a spreadsheet formula', () => {
    const { rows } = parse(myCodespacesCsv(fleet.map(summarizeCodespace), new Map()));
    expect(rows[0]).toMatchObject({ display_name: 'Checkout, "v2"\nrewrite', has_unpushed_changes: 'true', cores: '8' });
    expect(rows[1]!.display_name).toBe(`'=HYPERLINK("x")`);
  });

  it('opens a name with a formula on its first or a later line as text, not as a formula', () => {
    // A rename GitHub took before Hangar refused control characters: a formula, a line break, more.
    const hostile = [
      codespace('mona', { name: 'mona-evil-1', display_name: '=HYPERLINK("//evil.example","x")\n&""' }),
      codespace('mona', { name: 'mona-evil-2', display_name: "Quarterly\r\n=cmd|' /C calc'!A0" }),
      codespace('mona', { name: 'mona-evil-3', display_name: 'notes\n@SUM(1+1)' }),
      codespace('mona', { name: 'mona-plain', display_name: 'line one\nline two' }),
    ];
    const { rows } = parse(orgCodespacesCsv(hostile, new Map()));
    expect(rows.map((r) => r.display_name)).toEqual([
      `'=HYPERLINK("//evil.example","x")\n&""`,
      `'Quarterly\r\n=cmd|' /C calc'!A0`,
      `'notes\n@SUM(1+1)`,
      'line one\nline two',
    ]);
    // Any cell with a formula start on any of its lines begins with the quote that makes it text.
    for (const { display_name: cell } of rows) if (/(^|[\r\n])[=+\-@\t]/.test(cell!)) expect(cell!.startsWith("'")).toBe(true);
  });

  it('has a header row even when the filters match nothing', () => {
    const csv = myCodespacesCsv([], new Map());
    expect(csv).toBe(
      'name,display_name,repository,branch,state,machine,cores,last_used_at,created_at,has_unpushed_changes,has_uncommitted_changes,cost_this_month_usd_estimated,cost_estimated_from\r\n',
    );
  });
});

describe('CSV of an organisation’s codespaces', () => {
  it('holds the filtered rows with member, retention, idle timeout, cost per hour and storage per month', () => {
    const shown = filterOrgCodespaces(fleet, { ...DEFAULT_ORG_FILTERS, repo: 'octo-org/web' });
    const { fields, rows } = parse(orgCodespacesCsv(shown, monthCosts(shown, { now: NOW })));
    expect(fields).toContain('member');
    expect(rows.map((r) => [r.name, r.member])).toEqual(shown.map((c) => [c.name, c.owner.login]));
    expect(rows.find((r) => r.name === 'hubot-web-3')).toMatchObject({
      member: 'hubot',
      retention_expires_at: '2026-12-01T10:00:00Z',
      idle_timeout_minutes: '60',
      // 7 cores at $0.09: no float noise (0.6299999999999999).
      cost_per_hour_usd: '0.63',
      storage_cost_per_month_usd: '2.24',
    });
    expect(rows.find((r) => r.name === 'mona-web-1')).toMatchObject({ retention_expires_at: '', cost_per_hour_usd: '0.72' });
  });
});

describe('CSV of costs', () => {
  it('lists the per-member cost table as plain numbers', () => {
    const members = [
      { member: 'hubot', coreHours: 12.333333333, compute: 1.1 + 2.2, storage: 0.1 + 0.2, total: 1.1 + 2.2 + 0.1 + 0.2 },
      { member: 'mona', coreHours: 2, compute: 0.72, storage: 0, total: 0.72 },
    ];
    const { fields, rows } = parse(memberCostsCsv(members));
    expect(fields).toEqual(['member', 'core_hours', 'compute_usd', 'storage_usd', 'total_usd']);
    expect(rows).toEqual([
      { member: 'hubot', core_hours: '12.3333', compute_usd: '3.3', storage_usd: '0.3', total_usd: '3.6' },
      { member: 'mona', core_hours: '2', compute_usd: '0.72', storage_usd: '0', total_usd: '0.72' },
    ]);
  });

  it('lists my usage page’s table: cores, compute per hour running, storage per month, cost this month and from what', () => {
    const shown = fleet.map(summarizeCodespace);
    const costs = monthCosts(shown, { now: NOW });
    const { rows } = parse(personalUsageCsv(shown, costs));
    expect(rows.map((r) => [r.name, r.state, r.cores, r.compute_per_hour_usd, r.storage_per_month_usd, r.cost_estimated_from])).toEqual([
      ['mona-web-1', 'Available', '8', '0.72', '2.24', 'record'],
      ['mona-api-2', 'Shutdown', '4', '0.36', '2.24', 'record'],
      ['hubot-web-3', 'Shutdown', '7', '0.63', '2.24', 'record'],
    ]);
    expect(rows.map((r) => Number(r.cost_this_month_usd_estimated))).toEqual(shown.map((c) => Number(costs.get(c.name)!.total.toFixed(4))));
  });
});

describe('plain values', () => {
  it('writes dates as ISO 8601 UTC and empty when missing or unreadable', () => {
    expect(isoDate('2026-11-24T08:30:00.000Z')).toBe('2026-11-24T08:30:00Z');
    expect(isoDate('2026-11-24T08:30:00.250+01:00')).toBe('2026-11-24T07:30:00.250Z');
    expect(isoDate(null)).toBe('');
    expect(isoDate('soon')).toBe('');
  });

  it('rounds float noise away', () => {
    expect(plainNumber(0.09 * 7)).toBe(0.63);
    expect(plainNumber(1 / 3)).toBe(0.3333);
  });
});
