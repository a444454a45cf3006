import { z } from 'zod';
import { ownerName, repoName } from '@/lib/codespaces/schemas';

/** The zod pieces every operation's path parameters and query are built from. Pure. */

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
