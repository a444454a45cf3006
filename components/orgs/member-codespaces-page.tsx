'use client';

import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { liveEstimate } from '@/lib/billing/cost';
import {
  NO_SELECTION,
  planBulkAction,
  staleStoppedCodespaces,
  toggleAllShown,
  toggleSelection,
  type BulkPlan,
  type Selection,
} from '@/lib/codespaces/bulk';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { groupRows } from '@/lib/orgs/org-view';
import { memberCodespacesQuery } from '@/lib/queries/orgs';
import { MemberCodespacesView } from './member-codespaces-view';

const BulkActionDialog = dynamic(() => import('@/components/codespaces/bulk-action-dialog').then((m) => m.BulkActionDialog));

const lastUsedFirst = (a: CodespaceSummary, b: CodespaceSummary) => Date.parse(b.last_used_at) - Date.parse(a.last_used_at);

/** One member's codespaces in the organisation (GitHub's list for that member), with the organisation view's bulk actions. */
export function MemberCodespacesPage({ org, username }: { org: string; username: string }) {
  const query = useQuery(memberCodespacesQuery(org, username));
  const now = useMinuteClock();
  const codespaces = useMemo(() => (query.data ? [...query.data].sort(lastUsedFirst) : undefined), [query.data]);
  const rows = useMemo(() => groupRows(codespaces ?? [], ''), [codespaces]);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const chosen = (codespaces ?? []).filter((c) => selection.selected.has(c.name));

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

  return (
    <>
      <MemberCodespacesView
        org={org}
        username={username}
        codespaces={codespaces}
        rows={rows}
        loading={query.isPending}
        error={query.error}
        estimate={codespaces ? liveEstimate(codespaces) : null}
        now={now}
        selected={selection.selected}
        onToggle={(name, range) => setSelection((s) => toggleSelection(s, codespaces ?? [], name, range))}
        onToggleAll={() => setSelection((s) => toggleAllShown(s, codespaces ?? []))}
        onStopSelected={() => setPlan(planBulkAction(chosen, 'stop'))}
        onDeleteSelected={() => setPlan(planBulkAction(chosen, 'delete'))}
        onClearSelection={() => setSelection(NO_SELECTION)}
        onSelectStale={(days) =>
          setSelection({ selected: new Set(staleStoppedCodespaces(codespaces ?? [], days, Date.now()).map((c) => c.name)), anchor: null })
        }
        onRetry={() => query.refetch()}
      />
      {plan && (
        <BulkActionDialog
          plan={plan}
          org={org}
          onClose={(finished) => {
            setPlan(null);
            if (finished) setSelection(NO_SELECTION);
          }}
        />
      )}
    </>
  );
}
