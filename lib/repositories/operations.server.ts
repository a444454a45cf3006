import { z } from 'zod';
import type { OperationRules } from '@/lib/github/allowlist.server';
import { decimal, nothing, ownerName, pageFields, pageQuery, repoName, repositoryParams } from '@/lib/github/params';
import type { operations } from './operations';

/** What the proxy lets through for the user and their repositories. Pure: no I/O. */

const positiveInt = decimal(1, Number.MAX_SAFE_INTEGER);
const sortDirection = z.enum(['asc', 'desc']).optional();

export const operationRules: OperationRules<typeof operations> = {
  getMe: { params: nothing, query: nothing },
  listMyRepositories: {
    params: nothing,
    query: z.strictObject({
      ...pageFields,
      sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional(),
      direction: sortDirection,
      affiliation: z
        .string()
        .regex(/^(owner|collaborator|organization_member)(,(owner|collaborator|organization_member))*$/)
        .optional(),
      visibility: z.enum(['all', 'public', 'private']).optional(),
    }),
  },
  getRepository: { params: repositoryParams, query: nothing },
  listBranches: { params: repositoryParams, query: pageQuery },
  listPullRequests: {
    params: repositoryParams,
    query: z.strictObject({
      ...pageFields,
      state: z.enum(['open', 'closed', 'all']).optional(),
      sort: z.enum(['created', 'updated', 'popularity', 'long-running']).optional(),
      direction: sortDirection,
    }),
  },
  getPullRequest: { params: z.strictObject({ owner: ownerName, repo: repoName, pull_number: positiveInt }), query: nothing },
};
