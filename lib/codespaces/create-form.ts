import { z } from 'zod';
import { devcontainerPath, displayName, gitRef, idleTimeoutMinutes, location, machineName, retentionPeriodMinutes } from './schemas';

/**
 * The create forms' values and their translation into GitHub request bodies. The same zod rules
 * the proxy enforces, so the form says what is wrong before anything is sent.
 */

export const LOCATIONS = [
  { value: 'EastUs', label: 'US East' },
  { value: 'WestUs2', label: 'US West' },
  { value: 'WestEurope', label: 'Europe West' },
  { value: 'SouthEastAsia', label: 'Southeast Asia' },
] as const;

export const DEFAULT_IDLE_TIMEOUT_MINUTES = 30;
/** GitHub's default and maximum retention: 30 days. */
export const DEFAULT_RETENTION_MINUTES = 43_200;

const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const createFormSchema = z.object({
  ref: optionalText(gitRef),
  devcontainerPath: optionalText(devcontainerPath),
  machine: optionalText(machineName),
  location: optionalText(location),
  idleTimeoutMinutes: z.coerce.number({ message: 'A number of minutes' }).pipe(idleTimeoutMinutes),
  retentionPeriodMinutes: z.coerce.number({ message: 'A number of minutes' }).pipe(retentionPeriodMinutes),
  displayName: optionalText(displayName),
  permissionsOptOut: z.boolean(),
});

export type CreateFormValues = z.input<typeof createFormSchema>;

export type FieldErrors = Partial<Record<keyof CreateFormValues, string>>;

/** The body of `POST /repos/{owner}/{repo}/codespaces` (or, without `ref`, the pull-request variant). */
export function toCreateBody(
  values: CreateFormValues,
  kind: 'repository' | 'pullRequest',
): { ok: true; body: Record<string, unknown> } | { ok: false; errors: FieldErrors } {
  const parsed = createFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof CreateFormValues;
      errors[key] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const v = parsed.data;
  const body: Record<string, unknown> = {
    ...(kind === 'repository' && v.ref ? { ref: v.ref } : {}),
    ...(v.devcontainerPath ? { devcontainer_path: v.devcontainerPath } : {}),
    ...(v.machine ? { machine: v.machine } : {}),
    ...(v.location ? { location: v.location } : {}),
    idle_timeout_minutes: v.idleTimeoutMinutes,
    ...(kind === 'repository' ? { retention_period_minutes: v.retentionPeriodMinutes } : {}),
    ...(v.displayName ? { display_name: v.displayName } : {}),
    ...(v.permissionsOptOut ? { multi_repo_permissions_opt_out: true } : {}),
  };
  return { ok: true, body };
}

/** Reads `owner/repo` and the number from a pull request URL such as https://github.com/o/r/pull/12. */
export function parsePullRequestUrl(input: string): { owner: string; repo: string; number: number } | null {
  const match =
    /^\s*(?:https?:\/\/[^/\s]+\/)?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})\/pulls?\/(\d{1,9})(?:[/?#].*)?\s*$/.exec(
      input,
    );
  if (!match) return null;
  const number = Number(match[3]);
  return number > 0 ? { owner: match[1]!, repo: match[2]!, number } : null;
}
