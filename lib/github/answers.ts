import { readCodespace, readCodespacePage } from '@/lib/codespaces/read-schemas';
import type { AnswerReader } from '@/lib/github/upstream.server';

/**
 * How the server reads GitHub's answers to the codespace operations the pages poll, before any
 * page sees them (lib/codespaces/read-schemas.ts: permissive where GitHub may grow, strict where
 * Hangar acts). Here, on the server, rather than in every browser: the reading's library stays off
 * the pages, and a page can trust what the proxy passes on. Pure.
 */

/** A page of `{ total_count, codespaces }`: a codespace that cannot be read is left out, never half-shown. */
export const codespaceListAnswer: AnswerReader = (json) => {
  const page = readCodespacePage(json);
  if (!page.ok) return { ok: false, problem: page.message };
  if (page.value.unreadable === 0) return { ok: true };
  const raw = json as Record<string, unknown> & { codespaces: unknown[] };
  const kept = new Set(page.value.codespaces.map((c) => c.name));
  return {
    ok: true,
    body: JSON.stringify({ ...raw, codespaces: raw.codespaces.filter((c) => kept.has((c as { name?: string })?.name ?? '')) }),
  };
};

/** One codespace: one Hangar cannot read (a name it would build paths from, say) is not passed on. */
export const codespaceAnswer: AnswerReader = (json) => {
  const read = readCodespace(json);
  return read.ok ? { ok: true } : { ok: false, problem: read.message };
};
