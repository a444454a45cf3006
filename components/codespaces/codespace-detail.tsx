import type { ReactNode } from 'react';
import Link from 'next/link';
import { Clock, ExternalLink, GitBranch, Info } from 'lucide-react';
import { locationName } from '@/lib/codespaces/domain/location';
import type { MachineRequest } from '@/lib/codespaces/domain/machine-change';
import { workAtRisk } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { exactTime, formatBytes, formatUsd, relativeTime } from '@/lib/format';
import { repositoryPath } from '@/lib/repositories/domain/path';
import { COST_BASIS_EXPLAINED, type MonthCost } from '@/lib/usage/domain/month-cost-basis';

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl border border-zinc-200 bg-white p-4 sm:p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="mb-3 text-sm font-semibold text-zinc-500 dark:text-zinc-400 uppercase">{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 text-sm max-sm:-mb-3 sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)] sm:gap-x-4 sm:gap-y-2">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-zinc-500 dark:text-zinc-400">{term}</dt>
          <dd className="min-w-0 break-words text-zinc-900 max-sm:mt-0.5 max-sm:mb-3 dark:text-zinc-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function When({ iso, now }: { iso: string | null | undefined; now: number }) {
  if (!iso) return <>—</>;
  return (
    <span suppressHydrationWarning>
      {relativeTime(iso, now)} <span className="text-zinc-500 dark:text-zinc-400">({exactTime(iso)})</span>
    </span>
  );
}

export function GitStatusCard({ codespace }: { codespace: Codespace }) {
  // GitHub may leave git_status out, or answer it without fields: what is missing reads "—".
  const git = codespace.git_status ?? {};
  const risk = workAtRisk(codespace);
  const warn = 'font-medium text-orange-700 dark:text-orange-300';
  return (
    <Card title="Git status">
      <Facts
        rows={[
          [
            'Ref',
            <span key="ref" className="inline-flex items-center gap-1 font-mono">
              <GitBranch aria-hidden className="size-3.5" />
              {git.ref ?? '—'}
            </span>,
          ],
          [
            'Commits',
            <span key="commits">
              <span className={(git.ahead ?? 0) > 0 ? warn : ''}>{git.ahead ?? '—'} ahead</span>, <span>{git.behind ?? '—'} behind</span>
            </span>,
          ],
          [
            'Unpushed changes',
            <span key="unpushed" className={risk.unpushed ? warn : ''}>
              {risk.unpushed
                ? 'Yes: unpushed changes exist only in this codespace'
                : git.has_unpushed_changes === undefined && git.ahead === undefined
                  ? '—'
                  : 'No unpushed changes'}
            </span>,
          ],
          [
            'Uncommitted changes',
            <span key="uncommitted" className={risk.uncommitted ? warn : ''}>
              {risk.uncommitted
                ? 'Yes: uncommitted changes exist only in this codespace'
                : git.has_uncommitted_changes === undefined
                  ? '—'
                  : 'No uncommitted changes'}
            </span>,
          ],
        ]}
      />
    </Card>
  );
}

/** The codespace's cost this month (an estimate, with why), or a placeholder while GitHub's report may still change it. */
export interface DetailCost {
  cost: MonthCost | undefined;
  pending: boolean;
}

export function MachineCard({
  codespace,
  pendingMachine = null,
  cost,
}: {
  codespace: Codespace;
  pendingMachine?: MachineRequest | null;
  cost: DetailCost;
}) {
  const machine = codespace.machine;
  const costRow: [string, ReactNode][] = [
    [
      'Cost this month',
      cost.pending ? (
        <span key="cost" className="text-zinc-500 dark:text-zinc-400">
          Asking GitHub for this month’s usage…
        </span>
      ) : cost.cost ? (
        <span key="cost" data-cost={cost.cost.total.toFixed(2)}>
          <span className="font-medium tabular-nums">{formatUsd(cost.cost.total)}</span>{' '}
          <span className="text-zinc-600 dark:text-zinc-400">
            estimated ({formatUsd(cost.cost.compute)} compute, {formatUsd(cost.cost.storage)} storage)
          </span>
          <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">{COST_BASIS_EXPLAINED[cost.cost.basis]}</span>
        </span>
      ) : (
        '—'
      ),
    ],
  ];
  // The machine type's name (`premiumLinux`) is data, kept for a hover; people read its display name.
  const pending: [string, ReactNode][] = pendingMachine
    ? [
        [
          'Pending change',
          <span key="pending" className="font-medium text-sky-800 dark:text-sky-300" title={pendingMachine.machine}>
            {pendingMachine.displayName}, from its next start
          </span>,
        ],
      ]
    : [];
  return (
    <Card title="Machine">
      {machine ? (
        <Facts
          rows={[
            [
              'Machine',
              <span key="machine" title={machine.name}>
                {machine.display_name}
              </span>,
            ],
            ['Cores', machine.cpus],
            ['Memory', formatBytes(machine.memory_in_bytes)],
            ['Storage', formatBytes(machine.storage_in_bytes)],
            ['Operating system', machine.operating_system],
            ...costRow,
            ...pending,
          ]}
        />
      ) : (
        <>
          <Facts rows={[['Machine', '—'], ...pending]} />
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">No machine is assigned yet.</p>
        </>
      )}
      {pendingMachine && (
        <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">
          Asked for from Hangar in this browser: GitHub applies a new machine at the next start, and its answers do not show a change
          waiting until then.
        </p>
      )}
    </Card>
  );
}

/**
 * What GitHub says about the codespace in its own words: why it last stopped (its
 * `last_known_stop_notice`, "a potentially actionable reason", such as a spending limit).
 */
export function StopNotice({ notice }: { notice: string }) {
  return (
    <p
      role="note"
      className="flex gap-2 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-sky-700 dark:text-sky-300" />
      <span>
        <span className="font-medium">Why it last stopped, from GitHub:</span> {notice}
      </span>
    </p>
  );
}

export function DetailsCard({ codespace, now }: { codespace: Codespace; now: number }) {
  const minutes = (m: number | null | undefined) =>
    m === null || m === undefined
      ? '—'
      : m >= 1440 && m % 1440 === 0
        ? `${m / 1440} days`
        : m >= 60 && m % 60 === 0
          ? `${m / 60} hours`
          : `${m} minutes`;
  return (
    <Card title="Details">
      <Facts
        rows={[
          [
            'Repository',
            <span key="repo" className="inline-flex flex-wrap items-center gap-x-2">
              <Link href={repositoryPath(codespace.repository.full_name)} className="text-sky-700 hover:underline dark:text-sky-400">
                {codespace.repository.full_name}
              </Link>
              <a
                href={codespace.repository.html_url}
                className="inline-flex items-center gap-0.5 text-xs text-zinc-500 hover:underline dark:text-zinc-400"
                rel="noreferrer"
                target="_blank"
              >
                on GitHub <ExternalLink aria-hidden className="size-3" />
              </a>
            </span>,
          ],
          [
            'Dev container',
            <span key="dc" className="font-mono">
              {codespace.devcontainer_path ?? 'default'}
            </span>,
          ],
          ['Prebuild', codespace.prebuild ? 'Yes' : 'No'],
          [
            'Location',
            <span key="location" title={codespace.location}>
              {locationName(codespace.location)}
            </span>,
          ],
          [
            'Idle timeout',
            <span key="idle">
              {minutes(codespace.idle_timeout_minutes)}
              {codespace.idle_timeout_notice && (
                // GitHub's words when an organisation policy overrode the timeout asked for.
                <span className="mt-0.5 flex gap-1 text-xs text-zinc-600 dark:text-zinc-400">
                  <Clock aria-hidden className="mt-0.5 size-3 shrink-0" />
                  {codespace.idle_timeout_notice}
                </span>
              )}
            </span>,
          ],
          ['Retention period', minutes(codespace.retention_period_minutes)],
          ['Deleted if unused', <When key="exp" iso={codespace.retention_expires_at} now={now} />],
          ['Created', <When key="c" iso={codespace.created_at} now={now} />],
          ['Updated', <When key="u" iso={codespace.updated_at} now={now} />],
          ['Last used', <When key="l" iso={codespace.last_used_at} now={now} />],
          ['Owner', codespace.owner.login],
          ['Billed to', codespace.billable_owner.login],
          ['Recent folders', codespace.recent_folders.length ? codespace.recent_folders.join(', ') : '—'],
        ]}
      />
    </Card>
  );
}
