'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readState } from '@/components/ui/loaded';
import { useBulkActions } from '@/components/codespaces/use-bulk-actions';
import { SessionEnded } from '@/components/layout/session-ended';
import { endsSession } from '@/lib/transport/errors';
import { liveEstimate } from '@/lib/usage/domain/cost';
import { NO_CODESPACES } from '@/lib/codespaces/domain/types';
import { useListControls } from '@/lib/hooks/use-list-controls';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { memberFacets, repositoryFacets, stateFacets } from '@/lib/codespaces/domain/pipeline';
import { isComplete } from '@/lib/query/streamed-list';
import { attentionItems } from '@/lib/orgs/domain/attention';
import { filterOrgCodespaces, groupRows, ORG_SORT_KEYS, orgFiltersToSearch, type OrgFilters } from '@/lib/orgs/domain/org-view';
import { listOrgCodespacesQuery, orgCodespacesArrivedQuery } from '@/lib/codespaces/queries';
import { useOrgMonthCostsOnDemand } from '@/lib/usage/use-org-month-costs';
import { OrgCodespacesView } from './org-codespaces-view';

/** An organisation's codespaces for its admins: reads them, keeps the view's filters and selection, runs bulk actions. */
export function OrgCodespacesPage({ org, me, initialFilters }: { org: string; me: string; initialFilters: OrgFilters }) {
  const query = useQuery(listOrgCodespacesQuery(org));
  const list = query.data;
  // While the rest stream in, the list stays as it is (replaced once, whole): only this count moves.
  const arrived = useQuery(orgCodespacesArrivedQuery(org)).data;
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
  const attention = useMemo(() => attentionItems(codespaces ?? NO_CODESPACES, now, me), [codespaces, now, me]);
  const bulk = useBulkActions(codespaces ?? NO_CODESPACES, controls.rows, org);
  const costsNow = useOrgMonthCostsOnDemand(codespaces, org);

  if (endsSession(query.error)) return <SessionEnded />;

  return (
    <>
      <OrgCodespacesView
        org={org}
        me={me}
        codespaces={codespaces}
        total={list?.total ?? 0}
        complete={isComplete(list)}
        arrived={arrived}
        shown={controls.rows}
        rows={rows}
        memberCount={derived?.memberCount ?? 0}
        {...readState(query)}
        filters={controls.filters}
        options={derived?.options ?? null}
        estimate={derived?.estimate ?? null}
        attention={attention}
        costsNow={costsNow}
        now={now}
        {...bulk.listProps}
        onFiltersChange={controls.updateFilters}
        onStop={(chosen) => bulk.act(chosen, 'stop')}
        onDelete={(chosen) => bulk.act(chosen, 'delete')}
        onSelectNames={bulk.selectNames}
      />
      {bulk.dialog}
    </>
  );
}
