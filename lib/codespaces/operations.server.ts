import { z } from 'zod';
import type { OperationRules } from '@/lib/github/allowlist.server';
import {
  decimal,
  emptyBody,
  nothing,
  organizationParams,
  ownerName,
  pageFields,
  pageQuery,
  repoName,
  repositoryParams,
} from '@/lib/github/params';
import type { AnswerReader } from '@/lib/github/upstream.server';
import { readCodespace, readCodespacePage } from './domain/read-schemas';
import {
  codespaceName,
  createForUserBody,
  createFromPullRequestBody,
  createInRepositoryBody,
  devcontainerPath,
  exportId,
  gitRef,
  location,
  publishCodespaceBody,
  updateCodespaceBody,
} from './domain/schemas';
import type { operations } from './operations';

/**
 * What the proxy lets through for codespaces (each operation's path parameters, query and body),
 * which reads the pages poll, and how the server reads GitHub's answers to them before any page
 * sees them (domain/read-schemas.ts: permissive where GitHub may grow, strict where Hangar acts).
 * Here, on the server, rather than in every browser: the reading's library stays off the pages,
 * and a page can trust what the proxy passes on. Pure.
 */

/** A page of `{ total_count, codespaces }`: a codespace that cannot be read is left out, never half-shown. */
const codespaceListAnswer: AnswerReader = (json) => {
  const page = readCodespacePage(json);
  if (!page.ok) return { ok: false, problem: page.message };
  if (page.value.unreadable === 0) return { ok: true };
  const raw = json as Record<string, unknown> & { codespaces: unknown[] };
  const kept = new Set(page.value.codespaces.map((c) => c.name));
  return {
    ok: true,
    body: JSON.stringify({ ...raw, codespaces: raw.codespaces.filter((c) => kept.has((c as { name?: string })?.name ?? '')) }),
  };
};

/** One codespace: one Hangar cannot read (a name it would build paths from, say) is not passed on. */
const codespaceAnswer: AnswerReader = (json) => {
  const read = readCodespace(json);
  return read.ok ? { ok: true } : { ok: false, problem: read.message };
};

const positiveInt = decimal(1, Number.MAX_SAFE_INTEGER);
const codespace = z.strictObject({ codespace_name: codespaceName });
const memberCodespace = z.strictObject({ org: ownerName, username: ownerName, codespace_name: codespaceName });
const pullRequest = z.strictObject({ owner: ownerName, repo: repoName, pull_number: positiveInt });

export const operationRules: OperationRules<typeof operations> = {
  listMyCodespaces: {
    answer: codespaceListAnswer,
    polled: true,
    params: nothing,
    query: z.strictObject({ ...pageFields, repository_id: positiveInt.optional() }),
  },
  createMyCodespace: { params: nothing, query: nothing, body: createForUserBody },
  getMyCodespace: { answer: codespaceAnswer, polled: true, params: codespace, query: nothing },
  updateMyCodespace: { params: codespace, query: nothing, body: updateCodespaceBody },
  deleteMyCodespace: { params: codespace, query: nothing },
  startMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  stopMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  listMachinesForMyCodespace: { params: codespace, query: nothing },
  exportMyCodespace: { params: codespace, query: nothing, body: emptyBody },
  getMyCodespaceExport: { polled: true, params: z.strictObject({ codespace_name: codespaceName, export_id: exportId }), query: nothing },
  publishMyCodespace: { params: codespace, query: nothing, body: publishCodespaceBody },
  listMyCodespacesInRepository: { answer: codespaceListAnswer, polled: true, params: repositoryParams, query: pageQuery },
  createCodespaceInRepository: { params: repositoryParams, query: nothing, body: createInRepositoryBody },
  listDevcontainers: { params: repositoryParams, query: pageQuery },
  listRepositoryMachines: {
    params: repositoryParams,
    query: z.strictObject({ location: location.optional(), client_ip: z.ipv4().optional(), ref: gitRef.optional() }),
  },
  getCodespaceDefaults: { params: repositoryParams, query: z.strictObject({ ref: gitRef.optional(), client_ip: z.ipv4().optional() }) },
  checkDevcontainerPermissions: { params: repositoryParams, query: z.strictObject({ ref: gitRef, devcontainer_path: devcontainerPath }) },
  createCodespaceFromPullRequest: {
    params: pullRequest,
    query: nothing,
    body: createFromPullRequestBody,
  },
  listOrgCodespaces: { answer: codespaceListAnswer, polled: true, params: organizationParams, query: pageQuery },
  listMemberCodespaces: { answer: codespaceListAnswer, params: z.strictObject({ org: ownerName, username: ownerName }), query: pageQuery },
  // Organisation changes: recorded in its audit log (lib/audit) once GitHub answers.
  stopMemberCodespace: { params: memberCodespace, query: nothing, body: emptyBody, audit: { action: 'codespace.stop' } },
  deleteMemberCodespace: { params: memberCodespace, query: nothing, audit: { action: 'codespace.delete' } },
};
