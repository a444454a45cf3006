import { ownRoute } from '@/lib/transport/own-routes';
import type { AuditPageData } from './domain/page-data';

/** The browser's reads of an organisation's audit log (`/api/orgs/<org>/audit…`), for its owners. */

export interface AuditFilters {
  actor?: string;
  action?: string;
}

const search = (filters: AuditFilters & { before?: number }) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
};

export const auditApi = {
  auditLogOf: async (org: string, filters: AuditFilters & { before?: number }, signal?: AbortSignal) =>
    (await (await ownRoute('GET', `/api/orgs/${encodeURIComponent(org)}/audit${search(filters)}`, { signal })).json()) as AuditPageData,
  /** Every entry matching the filters, as the server's CSV writer made it. */
  auditCsv: async (org: string, filters: AuditFilters) =>
    (await ownRoute('GET', `/api/orgs/${encodeURIComponent(org)}/audit/csv${search(filters)}`)).text(),
};
