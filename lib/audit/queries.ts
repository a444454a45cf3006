import { infiniteQueryOptions } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from './api';

const auditKeys = {
  all: ['audit'] as const,
  auditLogOf: (org: string, filters: AuditFilters) =>
    [...auditKeys.all, org.toLowerCase(), filters.actor ?? '', filters.action ?? ''] as const,
};

/** The organisation's audit log, newest first, a page at a time (each page continues where the last ended). */
export function auditLogQuery(org: string, filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.auditLogOf(org, filters),
    queryFn: ({ pageParam, signal }) => auditApi.auditLogOf(org, { ...filters, before: pageParam ?? undefined }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    retry: (count, error) => count < 2 && !('status' in error && [400, 401, 403, 404].includes(error.status as number)),
  });
}
