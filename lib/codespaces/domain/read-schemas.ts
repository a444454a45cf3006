import * as z from 'zod/mini';
import { ACCOUNT_NAME, REPOSITORY_FULL_NAME } from '@/lib/github/names';
import { CODESPACE_NAME } from './patterns';
import { summarizeCodespace } from './summary';
import type { Codespace, CodespaceSummary } from './types';

/**
 * Reading codespaces as GitHub answers them: permissive where GitHub may grow, strict where
 * Hangar acts. A state is any short text (GitHub adds states; they are shown as written), objects
 * keep fields Hangar does not know (they are ignored), and optional fields may be missing (shown
 * as "—"). What Hangar builds links and requests from is held to GitHub's rules: a codespace's
 * name (paths like /api/github/user/codespaces/<name>), its id, its repository's full name.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const fullName = z.string().check(z.regex(REPOSITORY_FULL_NAME, 'Not a repository full name'));
const timestamp = z.string().check(z.minLength(1), z.maxLength(64));
const count = z.number().check(z.int(), z.nonnegative());

const account = z.looseObject({
  login: z.string().check(z.regex(ACCOUNT_NAME, 'Not a GitHub account name')),
  id: z.number().check(z.int()),
});

const machineRead = z.looseObject({
  name: text(100),
  display_name: text(200),
  operating_system: z.optional(text(100)),
  storage_in_bytes: count,
  memory_in_bytes: count,
  cpus: count,
});

const gitStatusRead = z.looseObject({
  ref: z.optional(text(255)),
  ahead: z.optional(count),
  behind: z.optional(count),
  has_unpushed_changes: z.optional(z.boolean()),
  has_uncommitted_changes: z.optional(z.boolean()),
});

const codespaceRead = z.looseObject({
  id: count,
  name: z.string().check(z.regex(CODESPACE_NAME, 'Not a codespace name')),
  display_name: z.nullish(text(200)),
  // Any state GitHub writes, documented or not: lib/codespaces/state.ts knows what to do with each.
  state: z.string().check(z.minLength(1), z.maxLength(64)),
  repository: z.looseObject({ id: z.number().check(z.int()), full_name: fullName }),
  owner: account,
  billable_owner: z.optional(account),
  machine: z.pipe(
    z.nullish(machineRead),
    z.transform((m) => m ?? null),
  ),
  git_status: z.pipe(
    z.nullish(gitStatusRead),
    z.transform((g) => g ?? {}),
  ),
  created_at: timestamp,
  updated_at: z.optional(timestamp),
  last_used_at: timestamp,
  location: z.optional(text(64)),
  recent_folders: z.pipe(
    z.optional(z.array(z.string())),
    z.transform((f) => f ?? []),
  ),
  retention_expires_at: z.nullish(timestamp),
  // What GitHub says about the codespace in words, shown as it wrote them. Malformed, they are
  // read as absent: a notice never costs the whole codespace its place in the list.
  pending_operation: z.catch(z.nullish(z.boolean()), null),
  pending_operation_disabled_reason: z.catch(z.nullish(text(1000)), null),
  idle_timeout_notice: z.catch(z.nullish(text(1000)), null),
  last_known_stop_notice: z.catch(z.nullish(text(1000)), null),
});

const codespaceListRead = z.looseObject({
  total_count: count,
  codespaces: z.array(z.unknown()),
});

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string };

function problem(error: z.core.$ZodError): string {
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

/**
 * A codespace as the lists read it: only the fields its summary keeps (summary.ts), held to the
 * same rules as `codespaceRead`; GitHub's other fields (dozens of URLs per account and repository)
 * are passed over, not copied, which is most of what reading a page of 100 cost.
 */
const codespaceSummaryRead = z.object({
  id: count,
  name: codespaceRead.shape.name,
  display_name: codespaceRead.shape.display_name,
  state: codespaceRead.shape.state,
  repository: z.object({ id: z.number().check(z.int()), full_name: fullName }),
  owner: z.object({ login: account.shape.login }),
  billable_owner: z.optional(z.object({ login: account.shape.login })),
  // Small objects the summary keeps whole, as the full reading does.
  machine: z.nullish(machineRead),
  git_status: z.nullish(gitStatusRead),
  created_at: timestamp,
  last_used_at: timestamp,
  location: z.optional(text(64)),
  retention_expires_at: z.nullish(timestamp),
  // Shown or linked as GitHub wrote them; malformed, they are read as absent (as the notices are).
  idle_timeout_minutes: z.catch(z.nullish(count), null),
  retention_period_minutes: z.catch(z.nullish(count), null),
  web_url: z.catch(z.nullish(text(2048)), null),
  pulls_url: z.catch(z.nullish(text(2048)), null),
  pending_operation: codespaceRead.shape.pending_operation,
  pending_operation_disabled_reason: codespaceRead.shape.pending_operation_disabled_reason,
  last_known_stop_notice: codespaceRead.shape.last_known_stop_notice,
});

/**
 * A page of `{ total_count, codespaces }` as the lists keep it: each readable codespace's summary
 * (the rest left out and counted, as `readCodespacePage` does), without reading what no list shows.
 */
export function readCodespaceSummaryPage(
  raw: unknown,
): ReadResult<{ totalCount: number; codespaces: CodespaceSummary[]; unreadable: number }> {
  const page = codespaceListRead.safeParse(raw);
  if (!page.success) return { ok: false, message: problem(page.error) };
  const codespaces: CodespaceSummary[] = [];
  let unreadable = 0;
  for (const item of page.data.codespaces) {
    const read = codespaceSummaryRead.safeParse(item);
    if (read.success) codespaces.push(summarizeCodespace(read.data as unknown as Codespace));
    else unreadable++;
  }
  return { ok: true, value: { totalCount: page.data.total_count, codespaces, unreadable } };
}
