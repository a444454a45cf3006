'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { readState } from '@/components/ui/loaded';
import { useBulkActions } from '@/components/codespaces/use-bulk-actions';
import { SessionEnded } from '@/components/layout/session-ended';
import { endsSession } from '@/lib/transport/errors';
import { liveEstimate } from '@/lib/usage/domain/cost';
import { NO_CODESPACES, type CodespaceSummary } from '@/lib/codespaces/domain/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { groupRows } from '@/lib/orgs/domain/org-view';
import { listMemberCodespacesQuery } from '@/lib/codespaces/queries';
import { MemberCodespacesView } from './member-codespaces-view';

const lastUsedFirst = (a: CodespaceSummary, b: CodespaceSummary) => Date.parse(b.last_used_at) - Date.parse(a.last_used_at);

/** One member's codespaces in the organisation (GitHub's list for that member), with the organisation view's bulk actions. */
export function MemberCodespacesPage({ org, username }: { org: string; username: string }) {
  const query = useQuery(listMemberCodespacesQuery(org, username));
  const now = useMinuteClock();
  const codespaces = useMemo(() => (query.data ? [...query.data].sort(lastUsedFirst) : undefined), [query.data]);
  const rows = useMemo(() => groupRows(codespaces ?? [], ''), [codespaces]);
  const bulk = useBulkActions(codespaces ?? NO_CODESPACES, codespaces ?? NO_CODESPACES, org);

  if (endsSession(query.error)) return <SessionEnded />;

  return (
    <>
      <MemberCodespacesView
        org={org}
        username={username}
        codespaces={codespaces}
        rows={rows}
        {...readState(query)}
        estimate={codespaces ? liveEstimate(codespaces) : null}
        now={now}
        {...bulk.listProps}
      />
      {bulk.dialog}
    </>
  );
}
