import { ApiError } from '@/lib/transport/errors';
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

async function read(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, message: 'Network error', method: 'GET' });
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { message?: string };
    throw new ApiError({ status: response.status, message: answer.message, method: 'GET' });
  }
  return response;
}

export const auditApi = {
  auditLogOf: async (org: string, filters: AuditFilters & { before?: number }, signal?: AbortSignal) =>
    (await (await read(`/api/orgs/${encodeURIComponent(org)}/audit${search(filters)}`, signal)).json()) as AuditPageData,
  /** Every entry matching the filters, as the server's CSV writer made it. */
  auditCsv: async (org: string, filters: AuditFilters) =>
    (await read(`/api/orgs/${encodeURIComponent(org)}/audit/csv${search(filters)}`)).text(),
};
