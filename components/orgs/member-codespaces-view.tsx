import Link from 'next/link';
import { ArrowLeft, Boxes } from 'lucide-react';
import { ErrorAlert } from '@/components/ui/error-alert';
import { EmptyState } from '@/components/ui/empty-state';
import { Figure } from '@/components/ui/figure';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import { SelectionBar, type SelectableListProps } from '@/components/codespaces/selection-bar';
import { formatUsd, type LiveEstimate } from '@/lib/usage/domain/cost';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { pluralize } from '@/lib/format';
import type { OrgRow } from '@/lib/orgs/domain/org-view';
import { OrgCodespaceTable } from './org-codespace-table';
import { OrgError } from '@/components/ui/states';
import { Page } from '@/components/layout/page';

export interface MemberCodespacesViewProps extends SelectableListProps {
  org: string;
  username: string;
  codespaces: readonly CodespaceSummary[] | undefined;
  rows: OrgRow<CodespaceSummary>[];
  loading: boolean;
  error: unknown;
  estimate: LiveEstimate | null;
  now: number;
  onRetry: () => void;
}

/** One member's codespaces billed to the organisation, for its owners, with Stop and Delete on the member's behalf. */
export function MemberCodespacesView(props: MemberCodespacesViewProps) {
  const { org, username, codespaces, error, estimate } = props;
  return (
    <Page>
      <Link
        href={`/orgs/${encodeURIComponent(org)}`}
        className="inline-flex w-fit items-center gap-1 text-sm text-zinc-600 hover:underline dark:text-zinc-400"
      >
        <ArrowLeft aria-hidden className="size-4" /> All codespaces of {org}
      </Link>
      <div>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Member of {org}</p>
        <h1 className="text-xl font-semibold tracking-tight">{username}’s codespaces</h1>
        {codespaces && (
          <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
            {pluralize(codespaces.length, 'codespace')} billed to {org}
          </p>
        )}
      </div>

      {Boolean(error) && codespaces && (
        <ErrorAlert error={error} tone="warning">
          Showing what was last loaded.
        </ErrorAlert>
      )}

      {props.loading ? (
        <ListSkeleton />
      ) : error && !codespaces ? (
        <OrgError
          org={org}
          error={error}
          onRetry={props.onRetry}
          doing={`see ${username}’s codespaces`}
          ask={`review ${username}’s codespaces`}
        />
      ) : !codespaces?.length ? (
        <EmptyState icon={<Boxes className="size-10" />} title={`${username} has no codespaces billed to ${org}`}>
          Codespaces {username} creates from {org}’s repositories appear here.
        </EmptyState>
      ) : (
        <>
          {estimate && (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label="Live cost estimate">
              <Figure label="Running now" value={`${estimate.running} · ${estimate.runningCores} cores`} />
              <Figure label="Compute, per hour" value={formatUsd(estimate.computePerHour)} />
              <Figure label="Storage, per month" value={formatUsd(estimate.storagePerMonth)} />
            </dl>
          )}
          <SelectionBar {...props.selection} />
          <OrgCodespaceTable
            org={org}
            showMember={false}
            rows={props.rows}
            now={props.now}
            selected={props.selected}
            onToggle={props.onToggle}
            onToggleAll={props.onToggleAll}
          />
        </>
      )}
    </Page>
  );
}
