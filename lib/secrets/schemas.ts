import { z } from 'zod';
import { ownerName, repoName } from '@/lib/codespaces/schemas';
import { decimal, nothing, organizationParams, pageFields, pageQuery, repositoryParams } from '@/lib/github/params';
import { MAX_SECRET_VALUE_BYTES, MAX_USERNAMES, secretNameProblem } from './names';

/**
 * Input schemas for GitHub's Codespaces secrets and organisation access operations, as strict
 * as GitHub's description (and its documented naming rules): path parameters, queries and
 * bodies, for the forms and for the proxy's operations table alike. Pure: no I/O.
 */

// ---------- values ----------

/** A secret name under GitHub's rules; the message is the one shown beside the field. */
export const secretName = z.string().superRefine((name, ctx) => {
  const problem = secretNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The pattern GitHub's description gives `encrypted_value`: base64, standard alphabet, padded. */
export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
/** A sealed box adds an ephemeral public key (32 bytes) and a MAC (16 bytes) to the value. */
export const SEALED_BOX_OVERHEAD = 48;

const decodedLength = (base64: string) => (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The longest `encrypted_value`: the largest value the form takes (48 KB), sealed, in base64 (65,600 characters). */
export const MAX_ENCRYPTED_VALUE_LENGTH = Math.ceil((MAX_SECRET_VALUE_BYTES + SEALED_BOX_OVERHEAD) / 3) * 4;

/**
 * `encrypted_value`: base64 of a libsodium sealed box, so at least 48 bytes, and at most a
 * 48 KB value sealed. A value typed in plain text is refused here before it goes anywhere.
 */
export const encryptedValue = z
  .string()
  .max(MAX_ENCRYPTED_VALUE_LENGTH, 'Sealed values are at most 48 KB')
  .regex(BASE64_PATTERN, { message: 'Must be the base64 of a sealed box', abort: true })
  .refine((v) => decodedLength(v) >= SEALED_BOX_OVERHEAD, 'Too short to be a sealed box');

/**
 * `key_id`: which public key sealed the value. GitHub's are decimal numbers, but its description
 * promises only a string, so this takes any short URL-safe token.
 */
export const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a key id');

export const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** `selected_repository_ids`: repository ids, each once. */
export const repositoryIds = z.array(positiveId).refine((ids) => new Set(ids).size === ids.length, 'Each repository once');

export const secretVisibility = z.enum(['all', 'private', 'selected']);
export type SecretVisibility = z.infer<typeof secretVisibility>;

export const codespacesAccessVisibility = z.enum(['disabled', 'selected_members', 'all_members', 'all_members_and_outside_collaborators']);
export type CodespacesAccessVisibility = z.infer<typeof codespacesAccessVisibility>;

export const usernames = z
  .array(ownerName)
  .max(MAX_USERNAMES, `At most ${MAX_USERNAMES} people at a time`)
  .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'Each person once');

// ---------- path parameters ----------

export const repositoryIdParam = decimal(1, Number.MAX_SAFE_INTEGER);

export const userSecretParams = z.strictObject({ secret_name: secretName });
export const userSecretRepositoryParams = z.strictObject({ secret_name: secretName, repository_id: repositoryIdParam });
export const repoParams = repositoryParams;
export const repoSecretParams = z.strictObject({ owner: ownerName, repo: repoName, secret_name: secretName });
export const orgParams = organizationParams;
export const orgSecretParams = z.strictObject({ org: ownerName, secret_name: secretName });
export const orgSecretRepositoryParams = z.strictObject({ org: ownerName, secret_name: secretName, repository_id: repositoryIdParam });
export const usernameParams = z.strictObject({ username: ownerName });
export const noParams = nothing;

// ---------- queries ----------

const page = pageFields;
export const noQuery = nothing;
export { pageQuery };

/** `GET /orgs/{org}/members` */
export const orgMembersQuery = z.strictObject({
  ...page,
  filter: z.enum(['2fa_disabled', '2fa_insecure', 'all']).optional(),
  role: z.enum(['all', 'admin', 'member']).optional(),
});

/** `GET /orgs/{org}/repos` */
export const orgReposQuery = z.strictObject({
  ...page,
  type: z.enum(['all', 'public', 'private', 'forks', 'sources', 'member']).optional(),
  sort: z.enum(['created', 'updated', 'pushed', 'full_name']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});

const period = { year: decimal(2000, 2100).optional(), month: decimal(1, 12).optional(), day: decimal(1, 31).optional() };

/** `GET /users/{username}/settings/billing/usage` */
export const userBillingUsageQuery = z.strictObject(period);

/** `GET /users/{username}/settings/billing/usage/summary` */
export const userBillingSummaryQuery = z.strictObject({
  ...period,
  repository: z
    .string()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'Expected owner/repository')
    .optional(),
  product: z
    .string()
    .regex(/^[A-Za-z0-9 _-]{1,64}$/, 'Not a product name')
    .optional(),
  sku: z
    .string()
    .regex(/^[A-Za-z0-9 ._-]{1,100}$/, 'Not a SKU')
    .optional(),
});

// ---------- bodies ----------

/** `PUT /user/codespaces/secrets/{secret_name}`: a sealed value, and optionally the repositories it is for. */
export const userSecretBody = z.strictObject({
  encrypted_value: encryptedValue,
  key_id: keyId,
  selected_repository_ids: repositoryIds.optional(),
});

/** `PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}` */
export const repoSecretBody = z.strictObject({ encrypted_value: encryptedValue, key_id: keyId });

/**
 * `PUT /orgs/{org}/codespaces/secrets/{secret_name}`: a visibility, repositories only when it is
 * `selected`, and a sealed value with its key id (both, or neither to keep the value as it is).
 */
export const orgSecretBody = z
  .strictObject({
    encrypted_value: encryptedValue.optional(),
    key_id: keyId.optional(),
    visibility: secretVisibility,
    selected_repository_ids: repositoryIds.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.encrypted_value === undefined) !== (body.key_id === undefined))
      ctx.addIssue({ code: 'custom', path: ['key_id'], message: 'A sealed value and its key id go together' });
    if (body.selected_repository_ids !== undefined && body.visibility !== 'selected')
      ctx.addIssue({
        code: 'custom',
        path: ['selected_repository_ids'],
        message: 'Repositories are chosen only when visibility is selected',
      });
  });

/** `PUT …/secrets/{secret_name}/repositories`, user and organisation alike: the whole new list. */
export const selectedRepositoriesBody = z.strictObject({ selected_repository_ids: repositoryIds });

/** `PUT /orgs/{org}/codespaces/access`: selected_usernames with selected_members, and only then. */
export const codespacesAccessBody = z
  .strictObject({ visibility: codespacesAccessVisibility, selected_usernames: usernames.optional() })
  .superRefine((body, ctx) => {
    if (body.visibility === 'selected_members' && body.selected_usernames === undefined)
      ctx.addIssue({ code: 'custom', path: ['selected_usernames'], message: 'Choose the members who may use Codespaces' });
    if (body.visibility !== 'selected_members' && body.selected_usernames !== undefined)
      ctx.addIssue({ code: 'custom', path: ['selected_usernames'], message: 'Members are chosen only for selected members' });
  });

/** `POST` and `DELETE /orgs/{org}/codespaces/access/selected_users` */
export const selectedUsersBody = z.strictObject({ selected_usernames: usernames.min(1, 'Choose at least one person') });
