import type { CodespaceSummary } from './types';

/**
 * The lines of a codespace list streamed by Hangar's own list routes (`/api/lists/...`,
 * list-stream.server.ts), one JSON object a line (NDJSON), in page order:
 * - `{ page, sso, list: { total_count, codespaces } }`: a page of summaries, with GitHub's
 *   `X-GitHub-SSO` for it (a single sign-on hid some);
 * - `{ page, error: { status, message?, headers } }`: GitHub refused that page (the stream ends);
 * - `{ end: true, etag }`: every page is in; `etag` validates the whole list for the next poll.
 * Pure: the server writes them and the browser reads them with these types.
 */
export type CodespaceListLine =
  | { page: number; sso: string | null; list: { total_count: number; codespaces: CodespaceSummary[] } }
  | { page: number; error: { status: number; message?: string; headers: Record<string, string> } }
  | { end: true; etag: string | null };

/** A line as read: a page of summaries, GitHub's refusal of a page, or the end. Throws on anything else. */
export function readListLine(text: string): CodespaceListLine {
  const line = JSON.parse(text) as Partial<Record<string, unknown>>;
  if (line.end === true) return { end: true, etag: typeof line.etag === 'string' ? line.etag : null };
  if (typeof line.page !== 'number') throw new Error('not a line of a codespace list');
  const error = line.error as { status?: unknown } | undefined;
  if (error && typeof error.status === 'number') return line as CodespaceListLine;
  const list = line.list as { total_count?: unknown; codespaces?: unknown } | undefined;
  if (!list || typeof list.total_count !== 'number' || !Array.isArray(list.codespaces)) throw new Error('not a page of codespaces');
  return line as CodespaceListLine;
}

/** The query of a list that starts after its first `pages` pages (GitHub said `total`). */
export function listStartSearch(start: { from: number; total?: number }): string {
  return start.from > 1 ? `?from=${start.from}&total=${start.total ?? 0}` : '';
}
