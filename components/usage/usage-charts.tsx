'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUsd } from '@/lib/usage/domain/cost';
import type { DayTotal, RepositoryTotal, SkuTotal } from '@/lib/usage/domain/usage-report';

// Compute and storage keep one colour each on every chart (and in light and dark).
const COMPUTE = '#0369a1';
const STORAGE = '#d97706';
const axis = { fontSize: 11, fill: 'currentColor' };

function ChartFrame({ title, children, summary }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <figure className="rounded-xl border border-zinc-200 bg-white p-4 text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
      <figcaption className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</figcaption>
      {/* Charts are pictures: the same figures are in the table below, and summarised here for screen readers. */}
      <p className="sr-only">{summary}</p>
      <div aria-hidden className="h-56">
        {children}
      </div>
    </figure>
  );
}

/** Cost per day, compute and storage stacked. */
export function DailyCostChart({ days }: { days: DayTotal[] }) {
  const peak = days.reduce(
    (best, d) => (d.compute + d.storage > best.compute + best.storage ? d : best),
    days[0] ?? { date: '', compute: 0, storage: 0 },
  );
  return (
    <ChartFrame title="Cost per day" summary={`Highest on ${peak.date}: ${formatUsd(peak.compute + peak.storage)}.`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={days} margin={{ top: 4, right: 4, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} vertical={false} />
          <XAxis dataKey="date" tick={axis} tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
          <YAxis tick={axis} width={48} tickFormatter={(v: number) => `$${v.toFixed(0)}`} />
          <Tooltip formatter={(value) => formatUsd(Number(value))} contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="compute" name="Compute" stackId="cost" fill={COMPUTE} isAnimationActive={false} />
          <Bar dataKey="storage" name="Storage" stackId="cost" fill={STORAGE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** The repositories that cost most. */
export function TopRepositoriesChart({ repositories }: { repositories: RepositoryTotal[] }) {
  const top = repositories.slice(0, 6).map((r) => ({ ...r, name: r.repository.split('/').pop() }));
  return (
    <ChartFrame title="Top repositories" summary={top.map((r) => `${r.repository} ${formatUsd(r.total)}`).join('; ')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={top} layout="vertical" margin={{ top: 4, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} horizontal={false} />
          <XAxis type="number" tick={axis} tickFormatter={(v: number) => `$${v.toFixed(0)}`} />
          <YAxis type="category" dataKey="name" tick={axis} width={96} />
          <Tooltip formatter={(value) => formatUsd(Number(value))} contentStyle={{ fontSize: 12 }} />
          <Bar dataKey="compute" name="Compute" stackId="cost" fill={COMPUTE} isAnimationActive={false} />
          <Bar dataKey="storage" name="Storage" stackId="cost" fill={STORAGE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Compute cost by machine size. */
export function MachineMixChart({ skus }: { skus: SkuTotal[] }) {
  const mix = skus
    .filter((s) => s.kind === 'compute')
    .sort((a, b) => (a.cores ?? 0) - (b.cores ?? 0))
    .map((s) => ({ name: s.cores ? `${s.cores} cores` : s.sku, net: s.net, hours: s.quantity }));
  return (
    <ChartFrame title="Machine mix" summary={mix.map((m) => `${m.name} ${formatUsd(m.net)}`).join('; ')}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={mix} margin={{ top: 4, right: 4, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.25} vertical={false} />
          <XAxis dataKey="name" tick={axis} />
          <YAxis tick={axis} width={48} tickFormatter={(v: number) => `$${v.toFixed(0)}`} />
          <Tooltip formatter={(value) => formatUsd(Number(value))} contentStyle={{ fontSize: 12 }} />
          <Bar dataKey="net" name="Compute cost" fill={COMPUTE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
