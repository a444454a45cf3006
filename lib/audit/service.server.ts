import 'server-only';
import { z } from 'zod';
import { auditCsv } from './domain/csv';
import { auditQuery } from './domain/entry';
import type { AuditPageData } from './domain/page-data';
import { serverAuditLog } from './log.server';

/** The audit page's reads, for an organisation's owners (the routes check that first). Filters parsed with zod. */

/** A query string's filters (empty values are none). */
function filters(search: URLSearchParams) {
  const value = (name: string) => search.get(name) || undefined;
  return auditQuery.safeParse({ actor: value('actor'), action: value('action'), before: value('before') });
}

export type AuditRead<T> = { ok: true; value: T } | { ok: false; message: string };

const problem = (error: z.ZodError) => error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; ');

export async function auditPageData(org: string, search: URLSearchParams): Promise<AuditRead<AuditPageData>> {
  const query = filters(search);
  if (!query.success) return { ok: false, message: problem(query.error) };
  const log = await serverAuditLog();
  const [page, actors, actions] = await Promise.all([log.list(org, query.data), log.actors(org), log.actions(org)]);
  return {
    ok: true,
    value: {
      org: org.toLowerCase(),
      entries: page.entries.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
      nextBefore: page.nextBefore,
      actors,
      actions,
    },
  };
}

/** Every entry matching the filters, newest first, as CSV. */
export async function auditCsvDownload(org: string, search: URLSearchParams): Promise<AuditRead<string>> {
  const query = filters(search);
  if (!query.success) return { ok: false, message: problem(query.error) };
  const entries = [];
  for await (const entry of (await serverAuditLog()).all(org, { actor: query.data.actor, action: query.data.action })) entries.push(entry);
  return { ok: true, value: auditCsv(entries) };
}
