/**
 * GitHub's billing usage reports on its current ("enhanced") billing platform: an organisation's
 * (`/organizations/{org}/settings/billing/usage`, for its owners) and a person's
 * (`/users/{username}/settings/billing/usage` and its `/summary`, for themselves). The figures
 * are derived from the codespaces billed to that account. A person not on the platform (hubot,
 * in the demo) gets 404, so an app can fall back to its own estimate.
 */
import { route, type RestContext } from './api';
import { fail } from './http';
import { MACHINES, type CodespaceRecord } from './model';
import { orgCodespaces, ownedOrg } from './orgs';
import { iso, type World } from './seed';

const DAY = 24 * 60 * 60_000;

/** People on GitHub's current billing platform; everyone else is on the legacy one. */
const ON_CURRENT_BILLING_PLATFORM: ReadonlySet<string> = new Set(['mona']);

export interface UsageItem {
  date: string;
  product: string;
  sku: string;
  quantity: number;
  unitType: string;
  pricePerUnit: number;
  grossAmount: number;
  discountAmount: number;
  netAmount: number;
  /** Organisation reports only. */
  organizationName?: string;
  repositoryName?: string;
}

const COMPUTE_PER_CORE_HOUR = 0.09;
const STORAGE_PER_GB_HOUR = 0.07 / 730;
const REPORT_DAYS = 100;
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** A small, stable hash for deterministic "usage" per codespace and day. */
function hashOf(text: string) {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h / 4294967296;
}

interface ReportFor {
  /** The organisation or user billed. */
  account: string;
  codespaces: readonly CodespaceRecord[];
  /** Organisation reports name the organisation on every item; a person's do not. */
  organizationName?: string;
}

/**
 * About three months of daily items, derived from the account's codespaces: each codespace
 * runs a few hours on the working days between its creation and its last use, and its disk is
 * billed every day it exists. Memoised per world, account and day: a report does not change within a day.
 */
const reports = new WeakMap<World, Map<string, { key: string; items: UsageItem[] }>>();
function usageItems(world: World, now: number, { account, codespaces, organizationName }: ReportFor): UsageItem[] {
  const key = `${Math.floor(now / DAY)}:${codespaces.length}`;
  const cache = reports.get(world) ?? new Map<string, { key: string; items: UsageItem[] }>();
  reports.set(world, cache);
  const cached = cache.get(account);
  if (cached?.key === key) return cached.items;

  const lines = new Map<string, UsageItem>();
  const addLine = (
    date: string,
    product: string,
    sku: string,
    unitType: string,
    price: number,
    quantity: number,
    repositoryName: string,
  ) => {
    if (quantity <= 0) return;
    const id = `${date}|${product}|${sku}|${repositoryName}`;
    const line = lines.get(id) ?? {
      date: `${date}T00:00:00Z`,
      product,
      sku,
      quantity: 0,
      unitType,
      pricePerUnit: price,
      grossAmount: 0,
      discountAmount: 0,
      netAmount: 0,
      ...(organizationName ? { organizationName } : {}),
      repositoryName,
    };
    line.quantity += quantity;
    line.grossAmount = round(line.quantity * price);
    line.netAmount = line.grossAmount;
    lines.set(id, line);
  };
  const today = Math.floor(now / DAY) * DAY;
  const ciRepo = [...world.repos.values()].find((r) => r.owner === account && !r.isTemplate);
  for (let day = today - REPORT_DAYS * DAY; day <= today; day += DAY) {
    const date = iso(day).slice(0, 10);
    const weekday = new Date(day).getUTCDay() % 6 !== 0;
    for (const cs of codespaces) {
      if (cs.createdAt > day + DAY) continue;
      const repo = world.repos.get(cs.repoId)!;
      const repositoryName = `${repo.owner}/${repo.name}`;
      const spec = MACHINES.find((m) => m.name === cs.machine) ?? MACHINES[0]!;
      addLine(date, 'Codespaces', 'Codespaces Storage', 'GigabyteHours', STORAGE_PER_GB_HOUR, spec.storageGb * 24, repositoryName);
      if (day <= cs.lastUsedAt && weekday && hashOf(`${cs.name}:${date}`) < 0.7) {
        const hours = 1 + Math.floor(hashOf(`${date}:${cs.name}`) * 7);
        addLine(
          date,
          'Codespaces',
          `Codespaces Linux ${spec.cpus}-core`,
          'Hours',
          round(spec.cpus * COMPUTE_PER_CORE_HOUR),
          hours,
          repositoryName,
        );
      }
    }
    // Other products share the report; a usage page must keep only Codespaces.
    if (weekday)
      addLine(
        date,
        'Actions',
        'Actions Linux',
        'Minutes',
        0.008,
        200 + Math.floor(hashOf(`${account}:${date}`) * 400),
        `${account}/${ciRepo?.name ?? 'ci'}`,
      );
  }
  const items = [...lines.values()].sort((a, b) => a.date.localeCompare(b.date) || a.sku.localeCompare(b.sku));
  cache.set(account, { key, items });
  return items;
}

/** The `year`, `month` and `day` filters; 400 for a value out of range, as GitHub answers. */
function period(ctx: RestContext, { monthDefaultsToCurrent }: { monthDefaultsToCurrent: boolean }) {
  const filters: Record<'year' | 'month' | 'day', number | undefined> = { year: undefined, month: undefined, day: undefined };
  for (const [key, max] of [
    ['year', 9999],
    ['month', 12],
    ['day', 31],
  ] as const) {
    const raw = ctx.url.searchParams.get(key);
    if (raw === null) continue;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < 1 || value > max) fail(400, `Invalid ${key}: ${raw}`);
    filters[key] = value;
  }
  const now = new Date(ctx.now);
  // Without a year GitHub reports the current one; the summary also defaults to the current month.
  const year = filters.year ?? now.getUTCFullYear();
  const month = filters.month ?? (monthDefaultsToCurrent ? now.getUTCMonth() + 1 : undefined);
  const day = filters.day;
  const contains = (item: UsageItem) => {
    const [y, m, d] = item.date.slice(0, 10).split('-').map(Number) as [number, number, number];
    return y === year && (month === undefined || m === month) && (day === undefined || d === day);
  };
  return { year, month, day, contains };
}

route('GET', '/organizations/{org}/settings/billing/usage', 'admin:org', (ctx, p) => {
  const org = ownedOrg(ctx, p.org!);
  const { contains } = period(ctx, { monthDefaultsToCurrent: false });
  const items = usageItems(ctx.world, ctx.now, {
    account: org.login,
    codespaces: orgCodespaces(ctx.world, org.login),
    organizationName: org.login,
  });
  return { status: 200, body: { usageItems: items.filter(contains) } };
});

/** The caller's own report: 403 for someone else's, 404 when they are not on the current billing platform. */
function personalReport(ctx: RestContext, username: string) {
  const user = ctx.world.users.get(username) ?? [...ctx.world.users.values()].find((u) => u.login.toLowerCase() === username.toLowerCase());
  if (!user) fail(404, 'Not Found');
  if (user!.login !== ctx.user.login) fail(403, 'You can only view the billing usage of your own account.');
  if (!ON_CURRENT_BILLING_PLATFORM.has(user!.login)) fail(404, 'Not Found');
  const codespaces = [...ctx.world.codespaces.values()].filter((c) => c.billableOwner === user!.login);
  return { login: user!.login, items: usageItems(ctx.world, ctx.now, { account: user!.login, codespaces }) };
}

route('GET', '/users/{username}/settings/billing/usage', null, (ctx, p) => {
  const { items } = personalReport(ctx, p.username!);
  const { contains } = period(ctx, { monthDefaultsToCurrent: false });
  return { status: 200, body: { usageItems: items.filter(contains) } };
});

route('GET', '/users/{username}/settings/billing/usage/summary', null, (ctx, p) => {
  const { login, items } = personalReport(ctx, p.username!);
  const { year, month, day, contains } = period(ctx, { monthDefaultsToCurrent: true });
  const repository = ctx.url.searchParams.get('repository') ?? undefined;
  const product = ctx.url.searchParams.get('product') ?? undefined;
  const sku = ctx.url.searchParams.get('sku') ?? undefined;
  const totals = new Map<
    string,
    { product: string; sku: string; unitType: string; pricePerUnit: number; quantity: number; amount: number }
  >();
  for (const item of items) {
    if (!contains(item)) continue;
    if (repository !== undefined && item.repositoryName?.toLowerCase() !== repository.toLowerCase()) continue;
    // Product names are not case-sensitive; SKUs are matched as given.
    if (product !== undefined && item.product.toLowerCase() !== product.toLowerCase()) continue;
    if (sku !== undefined && item.sku !== sku) continue;
    const id = `${item.product}|${item.sku}`;
    const total = totals.get(id) ?? {
      product: item.product,
      sku: item.sku,
      unitType: item.unitType,
      pricePerUnit: item.pricePerUnit,
      quantity: 0,
      amount: 0,
    };
    total.quantity += item.quantity;
    total.amount = round(total.amount + item.netAmount);
    totals.set(id, total);
  }
  return {
    status: 200,
    body: {
      timePeriod: { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) },
      user: login,
      ...(repository !== undefined ? { repository } : {}),
      ...(product !== undefined ? { product } : {}),
      ...(sku !== undefined ? { sku } : {}),
      usageItems: [...totals.values()].map((t) => ({
        product: t.product,
        sku: t.sku,
        unitType: t.unitType,
        pricePerUnit: t.pricePerUnit,
        grossQuantity: t.quantity,
        grossAmount: t.amount,
        discountQuantity: 0,
        discountAmount: 0,
        netQuantity: t.quantity,
        netAmount: t.amount,
      })),
    },
  };
});
