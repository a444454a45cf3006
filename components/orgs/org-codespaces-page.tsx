'use client';

import { useMemo, useState } from 'react';
import dynamic from 'next/dynamic';
import { useQuery } from '@tanstack/react-query';
import { SessionEnded } from '@/components/layout/session-ended';
import { ApiError } from '@/lib/api/client';
import { liveEstimate } from '@/lib/billing/cost';
import { planBulkAction, staleStoppedCodespaces, type BulkPlan } from '@/lib/codespaces/bulk';
import type { CodespaceSummary } from '@/lib/codespaces/types';
import { useListControls } from '@/lib/hooks/use-list-controls';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { memberFacets, repositoryFacets, stateFacets } from '@/lib/lists/pipeline';
import { isComplete } from '@/lib/lists/streamed-list';
import { attentionItems } from '@/lib/orgs/attention';
import { filterOrgCodespaces, groupRows, ORG_SORT_KEYS, orgFiltersToSearch, type OrgFilters } from '@/lib/orgs/org-view';
import { orgCodespacesQuery } from '@/lib/queries/orgs';
import { OrgCodespacesView } from './org-codespaces-view';

// Dialogs load when opened: most visits open none.
const BulkActionDialog = dynamic(() => import('@/components/codespaces/bulk-action-dialog').then((m) => m.BulkActionDialog));

const NO_CODESPACES: readonly CodespaceSummary[] = [];

/** An organisation's codespaces for its admins: reads them, keeps the view's filters and selection, runs bulk actions. */
export function OrgCodespacesPage({ org, me, initialFilters }: { org: string; me: string; initialFilters: OrgFilters }) {
  const query = useQuery(orgCodespacesQuery(org));
  const list = query.data;
  const codespaces = list?.items;
  const now = useMinuteClock();
  const controls = useListControls({
    items: codespaces ?? NO_CODESPACES,
    initialFilters,
    apply: filterOrgCodespaces,
    toSearch: orgFiltersToSearch,
  });
  const rows = useMemo(() => groupRows(controls.rows, controls.filters.group), [controls.rows, controls.filters.group]);
  const derived = useMemo(() => {
    if (!codespaces) return null;
    const { members, cores } = memberFacets(codespaces);
    return {
      options: {
        states: stateFacets(codespaces),
        repositories: repositoryFacets(codespaces),
        members,
        cores,
        sorts: ORG_SORT_KEYS,
        groups: true,
      },
      memberCount: members.length,
      estimate: liveEstimate(codespaces),
    };
  }, [codespaces]);
  const attention = useMemo(() => attentionItems(codespaces ?? NO_CODESPACES, now), [codespaces, now]);
  const [plan, setPlan] = useState<BulkPlan | null>(null);
  const act = (chosen: CodespaceSummary[], action: 'stop' | 'delete') => setPlan(planBulkAction(chosen, action));

  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;

  return (
    <>
      <OrgCodespacesView
        org={org}
        me={me}
        codespaces={codespaces}
        total={list?.total ?? 0}
        complete={isComplete(list)}
        shown={controls.rows}
        rows={rows}
        memberCount={derived?.memberCount ?? 0}
        loading={query.isPending}
        error={query.error}
        filters={controls.filters}
        options={derived?.options ?? null}
        estimate={derived?.estimate ?? null}
        attention={attention}
        now={now}
        selected={controls.selected}
        selectedCount={controls.chosen.length}
        onFiltersChange={controls.updateFilters}
        onToggle={controls.toggle}
        onToggleAll={controls.toggleAll}
        onStop={(chosen) => act(chosen, 'stop')}
        onDelete={(chosen) => act(chosen, 'delete')}
        onStopSelected={() => act(controls.chosen, 'stop')}
        onDeleteSelected={() => act(controls.chosen, 'delete')}
        onClearSelection={controls.clearSelection}
        onSelectStale={(days) => controls.selectNames(staleStoppedCodespaces(codespaces ?? [], days, Date.now()).map((c) => c.name))}
        onRetry={() => query.refetch()}
      />
      {plan && (
        <BulkActionDialog
          plan={plan}
          org={org}
          onClose={(finished) => {
            setPlan(null);
            if (finished) controls.clearSelection();
          }}
        />
      )}
    </>
  );
}
