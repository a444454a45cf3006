'use client';

import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchAllPages, githubApi } from '@/lib/api/client';
import type { components } from '@octokit/openapi-types';
import { summarizeCodespace } from '@/lib/codespaces/summary';
import type { Codespace, CodespaceMachine, CodespaceSummary } from '@/lib/codespaces/types';
import { queryKeys, repositoryQueryKeys } from './keys';

export type Repository = components['schemas']['repository'];
export type Branch = components['schemas']['short-branch'];
export type PullRequest = components['schemas']['pull-request-simple'];
export type Devcontainer = { path: string; name?: string; display_name?: string };

const repoPath = (fullName: string) => `/repos/${fullName.split('/').map(encodeURIComponent).join('/')}`;

/** Repositories the user can create codespaces from (every page). */
export function useMyRepositories() {
  return useQuery({
    queryKey: repositoryQueryKeys.mine(),
    queryFn: ({ signal }) => fetchAllPages<Repository[], Repository>('/user/repos?per_page=100&sort=pushed', (page) => page, signal),
    staleTime: 5 * 60_000,
  });
}

export function useBranches(repo: string | null) {
  return useQuery({
    queryKey: repositoryQueryKeys.branches(repo ?? ''),
    queryFn: ({ signal }) => fetchAllPages<Branch[], Branch>(`${repoPath(repo!)}/branches?per_page=100`, (page) => page, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

export function useOpenPullRequests(repo: string | null) {
  return useQuery({
    queryKey: repositoryQueryKeys.pulls(repo ?? ''),
    queryFn: ({ signal }) =>
      fetchAllPages<PullRequest[], PullRequest>(`${repoPath(repo!)}/pulls?state=open&per_page=100`, (page) => page, signal),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** GitHub's defaults for a new codespace in this repository (location, dev container). */
export function useCodespaceDefaults(repo: string | null, ref: string) {
  return useQuery({
    queryKey: repositoryQueryKeys.codespaceDefaults(repo ?? '', ref),
    queryFn: async ({ signal }) =>
      (
        await githubApi<{ defaults?: { location: string; devcontainer_path: string | null } }>(
          `${repoPath(repo!)}/codespaces/new${ref ? `?ref=${encodeURIComponent(ref)}` : ''}`,
          { signal },
        )
      ).data.defaults ?? null,
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

export function useDevcontainers(repo: string | null) {
  return useQuery({
    queryKey: repositoryQueryKeys.devcontainers(repo ?? ''),
    queryFn: ({ signal }) =>
      fetchAllPages<{ devcontainers: Devcontainer[] }, Devcontainer>(
        `${repoPath(repo!)}/codespaces/devcontainers?per_page=100`,
        (p) => p.devcontainers,
        signal,
      ),
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** Machines allowed for this repository at this ref and location; asked again when either changes. */
export function useRepositoryMachines(repo: string | null, ref: string, location: string) {
  return useQuery({
    queryKey: repositoryQueryKeys.machines(repo ?? '', ref, location),
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams();
      if (ref) query.set('ref', ref);
      if (location) query.set('location', location);
      const search = query.toString();
      return (
        await githubApi<{ machines: CodespaceMachine[] }>(`${repoPath(repo!)}/codespaces/machines${search ? `?${search}` : ''}`, { signal })
      ).data.machines;
    },
    enabled: Boolean(repo),
    staleTime: 60_000,
  });
}

/** Whether the user has accepted the extra repository permissions this dev container asks for. */
export function usePermissionsCheck(repo: string | null, ref: string, devcontainer: string) {
  return useQuery({
    queryKey: repositoryQueryKeys.permissions(repo ?? '', ref, devcontainer),
    queryFn: async ({ signal }) =>
      (
        await githubApi<{ accepted: boolean }>(
          `${repoPath(repo!)}/codespaces/permissions_check?ref=${encodeURIComponent(ref)}&devcontainer_path=${encodeURIComponent(devcontainer)}`,
          { signal },
        )
      ).data.accepted,
    enabled: Boolean(repo && ref && devcontainer),
    staleTime: 60_000,
  });
}

export type CreateTarget = { kind: 'repository'; repo: string } | { kind: 'pullRequest'; repo: string; number: number };

/**
 * Creates a codespace. Never sent twice: the button is disabled while pending, and a second
 * call while one is in flight is dropped here too (a double click, a re-render).
 */
export function useCreateCodespace() {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: async ({ target, body }: { target: CreateTarget; body: Record<string, unknown> }) => {
      const path =
        target.kind === 'repository' ? `${repoPath(target.repo)}/codespaces` : `${repoPath(target.repo)}/pulls/${target.number}/codespaces`;
      const response = await githubApi<Codespace>(path, { method: 'POST', body });
      // 202: GitHub accepted it but is still retrying the creation.
      return { codespace: response.data, accepted: response.status === 202 };
    },
    onSuccess: ({ codespace }) => {
      queryClient.setQueryData<CodespaceSummary[]>(queryKeys.codespaceList(), (list) =>
        list ? [summarizeCodespace(codespace), ...list.filter((c) => c.name !== codespace.name)] : list,
      );
      queryClient.setQueryData(queryKeys.codespace(codespace.name), codespace);
    },
    onSettled: () => {
      inFlight.current = false;
      void queryClient.invalidateQueries({ queryKey: queryKeys.codespaceList() });
    },
  });
  const create = (variables: { target: CreateTarget; body: Record<string, unknown> }, options?: Parameters<typeof mutation.mutate>[1]) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(variables, options);
  };
  return { ...mutation, create };
}
