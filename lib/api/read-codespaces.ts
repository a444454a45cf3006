import { readCodespace, readCodespacePage } from '@/lib/codespaces/read-schemas';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace, CodespaceSummary } from '@/lib/codespaces/types';
import { ApiError } from './client';
import type { ListPage } from './transport';

/**
 * GitHub's codespace answers, read permissively (lib/codespaces/read-schemas.ts): a page keeps every
 * codespace it can read and leaves out, never half-shows, one it cannot; an answer that is not a
 * codespace at all is GitHub failing, said as such (502).
 */

function unreadable(message: string): ApiError {
  return new ApiError({ status: 502, message: `GitHub’s answer could not be read (${message}).` });
}

/** One page of a codespace list, as the lists keep it: summaries. Module level: unchanged pages are remembered. */
export function codespaceSummaryPage(raw: unknown): ListPage<CodespaceSummary> {
  const page = readCodespacePage(raw);
  if (!page.ok) throw unreadable(page.message);
  return { items: page.value.codespaces.map(summarizeCodespace), total: page.value.totalCount };
}

/** One codespace in full. */
export function codespaceInFull(raw: unknown): Codespace {
  const read = readCodespace(raw);
  if (!read.ok) throw unreadable(read.message);
  return read.value;
}
