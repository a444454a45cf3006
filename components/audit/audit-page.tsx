'use client';

import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { readState } from '@/components/ui/loaded';
import { SessionEnded } from '@/components/layout/session-ended';
import { auditApi } from '@/lib/audit/api';
import { auditLogQuery } from '@/lib/audit/queries';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { ApiError } from '@/lib/transport/api-error';
import { AuditView } from './audit-view';

/** The audit page: reads the log a page at a time, with the chosen filters; the CSV comes from the server's writer. */
export function AuditPage({ org }: { org: string }) {
  const now = useMinuteClock();
  const [filters, setFilters] = useState({ actor: '', action: '' });
  const query = useInfiniteQuery(auditLogQuery(org, filters));
  if (query.error instanceof ApiError && query.error.status === 401) return <SessionEnded />;
  const pages = query.data?.pages;
  const first = pages?.[0];
  return (
    <AuditView
      org={org}
      entries={pages?.flatMap((page) => page.entries)}
      actors={first?.actors ?? []}
      actions={first?.actions ?? []}
      filters={filters}
      {...readState(query)}
      hasMore={query.hasNextPage}
      loadingMore={query.isFetchingNextPage}
      now={now}
      csv={() => auditApi.auditCsv(org, filters)}
      onFiltersChange={setFilters}
      onLoadMore={() => query.fetchNextPage()}
    />
  );
}
