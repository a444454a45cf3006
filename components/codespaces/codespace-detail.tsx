import type { ReactNode } from 'react';
import Link from 'next/link';
import { ExternalLink, GitBranch } from 'lucide-react';
import { workAtRisk } from '@/lib/codespaces/state';
import type { Codespace } from '@/lib/codespaces/types';
import { exactTime, formatBytes, relativeTime } from '@/lib/format';
import { repositoryPath } from '@/lib/repositories/path';

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

export function MachineCard({ codespace }: { codespace: Codespace }) {
  const machine = codespace.machine;
  return (
    <Card title="Machine">
      {machine ? (
        <Facts
          rows={[
            ['Machine', machine.display_name],
            [
              'Type',
              <span key="type" className="font-mono">
                {machine.name}
              </span>,
            ],
            ['Cores', machine.cpus],
            ['Memory', formatBytes(machine.memory_in_bytes)],
            ['Storage', formatBytes(machine.storage_in_bytes)],
            ['Operating system', machine.operating_system],
            ...(codespace.pending_operation
              ? ([['Pending change', codespace.pending_operation_disabled_reason ?? 'A change applies at next start']] as [
                  string,
                  ReactNode,
                ][])
              : []),
          ]}
        />
      ) : (
        <>
          <Facts rows={[['Machine', '—']]} />
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">No machine is assigned yet.</p>
        </>
      )}
    </Card>
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
          ['Location', codespace.location],
          ['Idle timeout', minutes(codespace.idle_timeout_minutes)],
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
