import { z } from 'zod';
import { DISPLAY_NAME_MAX } from './limits';
import { positiveId, repoName } from '@/lib/github/params';
import { CODESPACE_NAME } from './patterns';

/**
 * Input schemas for the Codespaces operations, shared by the create/edit forms (so a user sees
 * the same rule the server enforces) and by the proxy allowlist (so nothing invalid goes upstream).
 * Limits follow GitHub's REST documentation.
 */

export const codespaceName = z.string().regex(CODESPACE_NAME, 'Not a codespace name');
export const machineName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a machine type');
export const exportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not an export id');
export const gitRef = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^\s~^:?*[\\]+$/, 'Not a branch, tag or commit')
  .refine((s) => !s.includes('..') && !s.startsWith('/') && !s.endsWith('/'), 'Not a branch, tag or commit');
export const devcontainerPath = z
  .string()
  .max(255)
  .regex(/^[^\0]*devcontainer[^\0]*\.json$/, 'Must point to a devcontainer.json file')
  .refine((s) => !s.split('/').includes('..'), 'Must stay inside the repository');
export const location = z.string().regex(/^[A-Za-z0-9]{2,40}$/, 'Not a location');
/** GitHub's regions for a new codespace, replacing the closing-down `location`. */
export const geo = z.enum(['EuropeWest', 'SoutheastAsia', 'UsEast', 'UsWest'], { message: 'Not a region' });
/**
 * GitHub truncates display names at 48 characters; refuse rather than surprise. A name is one line
 * of text, as GitHub's own rename field takes it: line breaks, tabs and other control characters
 * are refused (inside a name they only serve to smuggle a formula into a CSV download).
 */
export const displayName = z
  .string()
  .trim()
  .min(1, 'Give it a name')
  .max(DISPLAY_NAME_MAX, `At most ${DISPLAY_NAME_MAX} characters`)
  .regex(/^\P{Cc}*$/u, 'Names are one line, without tabs or other control characters');
export const idleTimeoutMinutes = z.number().int().min(5, 'At least 5 minutes').max(240, 'At most 240 minutes (4 hours)');
/** 0 to 30 days. */
export const retentionPeriodMinutes = z.number().int().min(0).max(43_200, 'At most 30 days (43,200 minutes)');
const clientIp = z.union([z.ipv4(), z.ipv6()]);

/** What every way of creating a codespace takes; where, as `geo` only (GitHub: `location` "is closing down"). */
const createOptions = {
  geo: geo.optional(),
  client_ip: clientIp.optional(),
  machine: machineName.optional(),
  devcontainer_path: devcontainerPath.optional(),
  multi_repo_permissions_opt_out: z.boolean().optional(),
  working_directory: z.string().max(255).optional(),
  idle_timeout_minutes: idleTimeoutMinutes.optional(),
  display_name: displayName.optional(),
  retention_period_minutes: retentionPeriodMinutes.optional(),
};

/** `POST /repos/{owner}/{repo}/codespaces` */
export const createInRepositoryBody = z.strictObject({ ref: gitRef.optional(), ...createOptions });

/** `POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces` */
export const createFromPullRequestBody = z.strictObject(createOptions);

/** `POST /user/codespaces`: from a repository id, or from a pull request. */
export const createForUserBody = z.union([
  z.strictObject({ repository_id: positiveId, ref: gitRef.optional(), ...createOptions }),
  z.strictObject({
    pull_request: z.strictObject({ pull_request_number: positiveId, repository_id: positiveId }),
    ...createOptions,
  }),
]);

/** `PATCH /user/codespaces/{codespace_name}` */
export const updateCodespaceBody = z
  .strictObject({
    machine: machineName.optional(),
    display_name: displayName.optional(),
    recent_folders: z.array(z.string().max(1024)).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');

/** `POST /user/codespaces/{codespace_name}/publish` */
export const publishCodespaceBody = z.strictObject({
  name: repoName.optional(),
  private: z.boolean().optional(),
});

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'Expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/**
 * Where a streamed list starts (`?from=&total=`): nothing for the whole list, or a later page and
 * GitHub's count from the page one already at hand (the pages to read are planned from it).
 */
export const listStartQuery = z.union([
  z.strictObject({}).transform(() => ({ from: 1 as const })),
  z.strictObject({ from: wholeNumber(1000).pipe(z.number().min(2)), total: wholeNumber(1_000_000) }),
]);
