import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/types';
import { ApiError } from '@/lib/transport/errors';
import type { ListPage } from '@/lib/transport/transport';

/**
 * GitHub's codespace answers as the pages keep them. The proxy has read them already (permissively,
 * leaving out what cannot be read: lib/github/answers.ts), so the browser only checks the shape it
 * relies on and takes the summaries; anything else is GitHub failing, said as such (502).
 */

function unreadable(what: string): ApiError {
  return new ApiError({ status: 502, message: `GitHub’s answer could not be read (${what}).` });
}

/** One page of a codespace list, as the lists keep it: summaries. Module level: unchanged pages are remembered. */
export function codespaceSummaryPage(raw: unknown): ListPage<CodespaceSummary> {
  const page = raw as { total_count?: unknown; codespaces?: unknown } | null;
  if (!page || !Array.isArray(page.codespaces) || typeof page.total_count !== 'number') throw unreadable('not a list of codespaces');
  return { items: (page.codespaces as Codespace[]).map(summarizeCodespace), total: page.total_count };
}

/** One codespace in full. */
export function codespaceInFull(raw: unknown): Codespace {
  const codespace = raw as Partial<Codespace> | null;
  if (!codespace || typeof codespace.name !== 'string' || typeof codespace.state !== 'string') throw unreadable('not a codespace');
  return codespace as Codespace;
}
