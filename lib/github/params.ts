import { z } from 'zod';
import { ACCOUNT_NAME } from '@/lib/github/names';

/** The zod pieces every operation's path parameters, query and body are built from. Pure. */

/** GitHub logins and organisation names: alphanumerics and single hyphens, at most 39 characters. */
export const ownerName = z.string().regex(ACCOUNT_NAME, 'Not a GitHub account name');
export const repoName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,100}$/, 'Not a repository name')
  .refine((s) => s !== '.' && s !== '..', 'Not a repository name');

/** A JSON id: a positive whole number. */
export const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A decimal path or query number in [min, max], refusing forms like `1e3` or `0x10` that Number() accepts. */
export const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'Expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** GitHub's page parameters, as fields to spread into a query schema. */
export const pageFields = { per_page: decimal(1, 100).optional(), page: decimal(1, 1_000_000).optional() };
export const pageQuery = z.strictObject(pageFields);
/** No path parameters, or no query: anything given is refused. */
export const nothing = z.strictObject({});

export const repositoryParams = z.strictObject({ owner: ownerName, repo: repoName });
export const organizationParams = z.strictObject({ org: ownerName });

/** Operations without a body accept an empty one, as GitHub does. */
export const emptyBody = z.strictObject({});
