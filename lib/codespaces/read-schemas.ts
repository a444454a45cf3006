import { z } from 'zod';
import { codespaceName, ownerName } from './schemas';
import { summarizeCodespace } from './summary';
import type { Codespace, CodespaceSummary } from './types';

/**
 * Reading codespaces as GitHub answers them: permissive where GitHub may grow, strict where
 * Hangar acts. A state is any short text (GitHub adds states; they are shown as written), objects
 * keep fields Hangar does not know (they are ignored), and optional fields may be missing (shown
 * as "—"). What Hangar builds links and requests from is held to GitHub's rules: a codespace's
 * name (paths like /api/github/user/codespaces/<name>), its id, its repository's full name.
 */

const fullName = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'Not a repository full name');
const timestamp = z.string().min(1).max(64);
const count = z.number().int().nonnegative();

const account = z.looseObject({ login: ownerName, id: z.number().int() });

const machineRead = z.looseObject({
  name: z.string().max(100),
  display_name: z.string().max(200),
  operating_system: z.string().max(100).optional(),
  storage_in_bytes: count,
  memory_in_bytes: count,
  cpus: count,
});

const gitStatusRead = z.looseObject({
  ref: z.string().max(255).optional(),
  ahead: count.optional(),
  behind: count.optional(),
  has_unpushed_changes: z.boolean().optional(),
  has_uncommitted_changes: z.boolean().optional(),
});

export const codespaceRead = z.looseObject({
  id: z.number().int().nonnegative(),
  name: codespaceName,
  display_name: z.string().max(200).nullish(),
  // Any state GitHub writes, documented or not: lib/codespaces/state.ts knows what to do with each.
  state: z.string().min(1).max(64),
  repository: z.looseObject({ id: z.number().int(), full_name: fullName }),
  owner: account,
  billable_owner: account.optional(),
  machine: machineRead.nullish().transform((m) => m ?? null),
  git_status: gitStatusRead.nullish().transform((g) => g ?? {}),
  created_at: timestamp,
  updated_at: timestamp.optional(),
  last_used_at: timestamp,
  location: z.string().max(64).optional(),
  recent_folders: z
    .array(z.string())
    .optional()
    .transform((f) => f ?? []),
  retention_expires_at: timestamp.nullish(),
});

export const codespaceListRead = z.looseObject({
  total_count: count,
  codespaces: z.array(z.unknown()),
});

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

function problem(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'answer'}: ${first.message}` : 'Not a codespace';
}

/**
 * One codespace from GitHub's JSON. Typed as GitHub's `Codespace`, with two honest differences the
 * rest of lib/codespaces already allows for: `state` may be one the enum does not list
 * (AnyCodespaceState), and `git_status` may be empty.
 */
export function readCodespace(raw: unknown): ReadResult<Codespace> {
  const parsed = codespaceRead.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data as unknown as Codespace } : { ok: false, message: problem(parsed.error) };
}

/**
 * A page of `{ total_count, codespaces }`: every codespace that can be read, and how many could
 * not (left out, never half-shown; the page says so rather than failing as a whole).
 */
export function readCodespacePage(raw: unknown): ReadResult<{ totalCount: number; codespaces: Codespace[]; unreadable: number }> {
  const page = codespaceListRead.safeParse(raw);
  if (!page.success) return { ok: false, message: problem(page.error) };
  const codespaces: Codespace[] = [];
  let unreadable = 0;
  for (const item of page.data.codespaces) {
    const read = readCodespace(item);
    if (read.ok) codespaces.push(read.value);
    else unreadable++;
  }
  return { ok: true, value: { totalCount: page.data.total_count, codespaces, unreadable } };
}

/** A codespace read for the list: only its summary. */
export function readCodespaceSummary(raw: unknown): ReadResult<CodespaceSummary> {
  const read = readCodespace(raw);
  return read.ok ? { ok: true, value: summarizeCodespace(read.value) } : read;
}
