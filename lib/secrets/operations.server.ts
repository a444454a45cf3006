import { z } from 'zod';
import { DEFAULT_MAX_BODY_BYTES, type OperationRules } from '@/lib/github/allowlist.server';
import {
  decimal,
  emptyBody,
  nothing,
  organizationParams,
  ownerName,
  pageQuery,
  positiveId,
  repoName,
  repositoryParams,
} from '@/lib/github/params';
import { MAX_SECRET_VALUE_BYTES, SECRET_VISIBILITIES, secretNameProblem } from './domain/names';
import type { operations } from './operations';

/**
 * What the proxy lets through for GitHub's Codespaces secrets, as strict as GitHub's description
 * (and its documented naming rules): path parameters, queries and bodies. Pure: no I/O.
 */

// ---------- values ----------

/** A secret name under GitHub's rules; the message is the one shown beside the field. */
const secretName = z.string().superRefine((name, ctx) => {
  const problem = secretNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The pattern GitHub's description gives `encrypted_value`: base64, standard alphabet, padded. */
const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
/** A sealed box adds an ephemeral public key (32 bytes) and a MAC (16 bytes) to the value. */
const SEALED_BOX_OVERHEAD = 48;

const decodedLength = (base64: string) => (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The longest `encrypted_value`: the largest value the form takes (48 KB), sealed, in base64 (65,600 characters). */
const MAX_ENCRYPTED_VALUE_LENGTH = Math.ceil((MAX_SECRET_VALUE_BYTES + SEALED_BOX_OVERHEAD) / 3) * 4;

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
const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a key id');

/** `selected_repository_ids`: repository ids, each once. */
const repositoryIds = z.array(positiveId).refine((ids) => new Set(ids).size === ids.length, 'Each repository once');

// ---------- path parameters ----------

const repositoryIdParam = decimal(1, Number.MAX_SAFE_INTEGER);

export const userSecretParams = z.strictObject({ secret_name: secretName });
const userSecretRepositoryParams = z.strictObject({ secret_name: secretName, repository_id: repositoryIdParam });
const repoSecretParams = z.strictObject({ owner: ownerName, repo: repoName, secret_name: secretName });
const orgSecretParams = z.strictObject({ org: ownerName, secret_name: secretName });
export const orgSecretRepositoryParams = z.strictObject({ org: ownerName, secret_name: secretName, repository_id: repositoryIdParam });

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
    visibility: z.enum(SECRET_VISIBILITIES),
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

/** What the audit log keeps of a change to an organisation secret: its name (never its value), and the repository. */
const auditedSecretName = ({ params }: { params: Record<string, string | number> }) => ({ secret: String(params.secret_name) });
const secretAndRepository = ({ params }: { params: Record<string, string | number> }) => ({
  secret: String(params.secret_name),
  repository: Number(params.repository_id),
});

// ---------- the rules ----------

/**
 * A secret's body carries its sealed value: the largest the secrets form takes (48 KB, 65,600
 * characters once sealed and base64-encoded) plus the usual room for the rest (key id,
 * repositories), ~80 KB.
 */
export const SECRET_BODY_BYTES = MAX_ENCRYPTED_VALUE_LENGTH + DEFAULT_MAX_BODY_BYTES;
const secretBody = { maxBodyBytes: SECRET_BODY_BYTES };

export const operationRules: OperationRules<typeof operations> = {
  listMySecrets: { params: nothing, query: pageQuery },
  getMySecretsPublicKey: { params: nothing, query: nothing },
  getMySecret: { params: userSecretParams, query: nothing },
  putMySecret: { params: userSecretParams, query: nothing, body: userSecretBody, ...secretBody },
  deleteMySecret: { params: userSecretParams, query: nothing },
  listMySecretRepositories: { params: userSecretParams, query: nothing },
  setMySecretRepositories: { params: userSecretParams, query: nothing, body: selectedRepositoriesBody },
  addMySecretRepository: { params: userSecretRepositoryParams, query: nothing, body: emptyBody },
  removeMySecretRepository: { params: userSecretRepositoryParams, query: nothing },

  listRepositorySecrets: { params: repositoryParams, query: pageQuery },
  getRepositorySecretsPublicKey: { params: repositoryParams, query: nothing },
  getRepositorySecret: { params: repoSecretParams, query: nothing },
  putRepositorySecret: { params: repoSecretParams, query: nothing, body: repoSecretBody, ...secretBody },
  deleteRepositorySecret: { params: repoSecretParams, query: nothing },

  listOrgSecrets: { params: organizationParams, query: pageQuery },
  getOrgSecretsPublicKey: { params: organizationParams, query: nothing },
  getOrgSecret: { params: orgSecretParams, query: nothing },
  // Organisation changes: recorded in its audit log (lib/audit) once GitHub answers; never a value.
  putOrgSecret: {
    params: orgSecretParams,
    query: nothing,
    body: orgSecretBody,
    ...secretBody,
    audit: {
      action: 'org-secret.update',
      details: ({ params, body }) => ({ secret: String(params.secret_name), visibility: (body as { visibility: string }).visibility }),
    },
  },
  deleteOrgSecret: { params: orgSecretParams, query: nothing, audit: { action: 'org-secret.delete', details: auditedSecretName } },
  listOrgSecretRepositories: { params: orgSecretParams, query: pageQuery },
  setOrgSecretRepositories: {
    params: orgSecretParams,
    query: nothing,
    body: selectedRepositoriesBody,
    audit: {
      action: 'org-secret.repositories',
      details: ({ params, body }) => ({
        secret: String(params.secret_name),
        repositories: (body as { selected_repository_ids: number[] }).selected_repository_ids.join(', '),
      }),
    },
  },
  addOrgSecretRepository: {
    params: orgSecretRepositoryParams,
    query: nothing,
    body: emptyBody,
    audit: { action: 'org-secret.add-repository', details: secretAndRepository },
  },
  removeOrgSecretRepository: {
    params: orgSecretRepositoryParams,
    query: nothing,
    audit: { action: 'org-secret.remove-repository', details: secretAndRepository },
  },
};
