import { z } from 'zod';
import type { OperationRules } from '@/lib/github/allowlist.server';
import { nothing, organizationParams, ownerName, pageFields, pageQuery } from '@/lib/github/params';
import { CODESPACES_ACCESS_VISIBILITIES, MAX_USERNAMES } from './domain/access';
import type { operations } from './operations';

/** What the proxy lets through for organisations: their members, repositories and Codespaces access. Pure: no I/O. */

const usernames = z
  .array(ownerName)
  .max(MAX_USERNAMES, `At most ${MAX_USERNAMES} people at a time`)
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'Each person once');

/** `GET /orgs/{org}/members` */
const orgMembersQuery = z.strictObject({
  ...pageFields,
  filter: z.enum(['2fa_disabled', '2fa_insecure', 'all']).optional(),
  role: z.enum(['all', 'admin', 'member']).optional(),
});

/** `GET /orgs/{org}/repos` */
const orgReposQuery = z.strictObject({
  ...pageFields,
  type: z.enum(['all', 'public', 'private', 'forks', 'sources', 'member']).optional(),
  sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});

/** `PUT /orgs/{org}/codespaces/access`: selected_usernames with selected_members, and only then. */
export const codespacesAccessBody = z
  .strictObject({ visibility: z.enum(CODESPACES_ACCESS_VISIBILITIES), selected_usernames: usernames.optional() })
  .superRefine((body, ctx) => {
    if (body.visibility === 'selected_members' && body.selected_usernames === undefined)
      ctx.addIssue({ code: 'custom', path: ['selected_usernames'], message: 'Choose the members who may use Codespaces' });
    if (body.visibility !== 'selected_members' && body.selected_usernames !== undefined)
      ctx.addIssue({ code: 'custom', path: ['selected_usernames'], message: 'Members are chosen only for selected members' });
  });

/** `POST` and `DELETE /orgs/{org}/codespaces/access/selected_users` */
export const selectedUsersBody = z.strictObject({ selected_usernames: usernames.min(1, 'Choose at least one person') });

/** Who may use Codespaces, as the audit log keeps it: the visibility and the members named. */
function accessDetails(body: unknown) {
  const { visibility, selected_usernames } = body as { visibility?: string; selected_usernames?: string[] };
  return { ...(visibility ? { visibility } : {}), ...(selected_usernames ? { members: selected_usernames.join(', ') } : {}) };
}

export const operationRules: OperationRules<typeof operations> = {
  listMyOrganizations: { params: nothing, query: pageQuery },
  listOrgMembers: { params: organizationParams, query: orgMembersQuery },
  listOrgRepositories: { params: organizationParams, query: orgReposQuery },
  // Organisation changes: recorded in its audit log (lib/audit) once GitHub answers.
  setCodespacesAccess: {
    params: organizationParams,
    query: nothing,
    body: codespacesAccessBody,
    audit: { action: 'codespaces-access.update', details: ({ body }) => accessDetails(body) },
  },
  addCodespacesAccessUsers: {
    params: organizationParams,
    query: nothing,
    body: selectedUsersBody,
    audit: { action: 'codespaces-access.add-members', details: ({ body }) => accessDetails(body) },
  },
  // GitHub takes the people to remove in the body of this DELETE.
  removeCodespacesAccessUsers: {
    params: organizationParams,
    query: nothing,
    body: selectedUsersBody,
    audit: { action: 'codespaces-access.remove-members', details: ({ body }) => accessDetails(body) },
  },
};
