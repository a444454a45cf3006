import { experimental_streamedQuery, mutationOptions, queryOptions, skipToken, type Query, type QueryClient } from '@tanstack/react-query';
import type { CreateTarget } from '@/lib/codespaces/domain/create-form';
import { codespaceTitle, isTransitional } from '@/lib/codespaces/domain/state';
import { machineChangeNotice, machineRequestAfter } from '@/lib/codespaces/domain/machine-change';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import type { Codespace, CodespaceChanges, CodespaceExport, CodespaceMachine, CodespaceSummary } from '@/lib/codespaces/domain/types';
import { actsOn } from '@/lib/query/in-flight';
import { lookupQuery } from '@/lib/query/lookup';
import { notices } from '@/lib/query/meta';
import { FRESH_MS, pollInterval, POLL_TRANSITIONAL_MS } from '@/lib/query/polling';
import { addPage, emptyList, isComplete, mapItems, withItemFirst, type StreamedList } from '@/lib/query/streamed-list';
import type { ListPage } from '@/lib/transport/transport';
import { codespaces, CODESPACES_PER_PAGE, type CodespaceListsApi, type CodespacesApi } from './api';
import { forgetMachineRequest, rememberMachineRequest } from './machine-requests.client';
import { awaitExport } from './transitions';

/**
 * Query and mutation options for codespaces, each named as its GitHub operation (`xQuery`,
 * `xMutation`), with its key in `codespaceKeys`. Components use them with
 * `useQuery(listMyCodespacesQuery())`; server pages prefetch with the same options over the
 * server's transport, so the two cannot drift. Start, stop and delete are in actions.ts.
 */

/**
 * Every key under `all`, so a change to any codespace refreshes every list and page that holds
 * one. A new codespace's options (defaults, dev containers, machines) are a repository's, and
 * are kept under its key instead: a codespace's change does not make them stale.
 */
export const codespaceKeys = {
  all: ['codespaces'] as const,
  listMyCodespaces: () => [...codespaceKeys.all, 'list'] as const,
  getMyCodespace: (name: string) => [...codespaceKeys.all, 'detail', name] as const,
  listMachinesForMyCodespace: (name: string) => [...codespaceKeys.all, 'machines', name] as const,
  getMyCodespaceExport: (name: string, exportId: string) => [...codespaceKeys.all, 'export', name, exportId] as const,
  /** Every repository's list (a prefix of `listMyCodespacesInRepository`). */
  inRepositories: () => [...codespaceKeys.all, 'repository'] as const,
  listMyCodespacesInRepository: (repo: string) => [...codespaceKeys.inRepositories(), repo] as const,
  /** Every list of an organisation's codespaces, its own and its members' (a prefix). */
  ofOrganization: (org: string) => [...codespaceKeys.all, 'org', org] as const,
  listOrgCodespaces: (org: string) => [...codespaceKeys.ofOrganization(org), 'list'] as const,
  orgCodespacesArrived: (org: string) => [...codespaceKeys.ofOrganization(org), 'arrived'] as const,
  listMemberCodespaces: (org: string, username: string) =>
    [...codespaceKeys.ofOrganization(org), 'member', username.toLowerCase()] as const,
  /** A new codespace's options, under the repository's own keys. */
  getCodespaceDefaults: (repo: string, ref: string) => ['repositories', repo, 'codespace-defaults', ref] as const,
  listDevcontainers: (repo: string) => ['repositories', repo, 'devcontainers'] as const,
  listRepositoryMachines: (repo: string, ref: string, location: string) => ['repositories', repo, 'machines', ref, location] as const,
  checkDevcontainerPermissions: (repo: string, ref: string, devcontainer: string) =>
    ['repositories', repo, 'permissions', ref, devcontainer] as const,
};

export type CodespaceList = StreamedList<CodespaceSummary>;

/** Whether a query is the user's own list of codespaces (what work at risk is read from). */
export const isMyCodespaceList = (query: Pick<Query, 'queryKey'>) =>
  query.queryKey[0] === codespaceKeys.all[0] && query.queryKey[1] === 'list';

/** Whether a query is an export's progress, and of which codespace. */
export const exportedCodespace = (query: Pick<Query, 'queryKey'>): string | null =>
  query.queryKey[0] === codespaceKeys.all[0] && query.queryKey[1] === 'export' ? String(query.queryKey[2]) : null;

const listInterval = (list: readonly { state: string }[] | undefined, error: unknown) =>
  pollInterval(Boolean(list?.some((c) => isTransitional(c.state))), error);

// ---------- the signed-in user's ----------

/**
 * Every codespace of the user: the first page shows as soon as it is in, the rest follow (a few
 * pages at a time); a poll replaces the list only once every page of it has arrived.
 */
export function listMyCodespacesQuery(
  api: Pick<CodespaceListsApi, 'listMyCodespaces'> & Partial<Pick<CodespaceListsApi, 'listMyCodespacesAfterFirst'>> = codespaces,
) {
  return queryOptions({
    queryKey: codespaceKeys.listMyCodespaces(),
    queryFn: experimental_streamedQuery<ListPage<CodespaceSummary>, CodespaceList, readonly unknown[]>({
      streamFn: async function* ({ signal, client, queryKey }) {
        const held = client.getQueryData<CodespaceList>(queryKey);
        // A first paint brought page one of a longer list: go on from page two, not from the start.
        if (held && held.pages === 1 && !isComplete(held) && api.listMyCodespacesAfterFirst) {
          yield { items: held.items, total: held.total, sso: held.sso };
          yield* api.listMyCodespacesAfterFirst(held.total, signal);
        } else yield* api.listMyCodespaces(signal);
      },
      reducer: (list: CodespaceList, page) => addPage(list, page, CODESPACES_PER_PAGE),
      initialValue: emptyList<CodespaceSummary>(),
      refetchMode: 'replace',
    }),
    // A first paint may hold only the first page, or the list as Hangar's store held it: either
    // way GitHub is asked at once (the stored list stays on screen, its age shown, until the
    // whole list read afresh replaces it).
    staleTime: (query) => (isComplete(query.state.data) && query.state.data?.asOf === undefined ? FRESH_MS : 0),
    refetchInterval: (query) => listInterval(query.state.data?.items, query.state.error),
  });
}

/** One codespace in full. Its page is rendered on the server with it, so it opens with data. */
export function getMyCodespaceQuery(name: string, api: Pick<CodespacesApi, 'getMyCodespace'> = codespaces) {
  return queryOptions({
    queryKey: codespaceKeys.getMyCodespace(name),
    queryFn: ({ signal }) => api.getMyCodespace(name, signal),
    refetchInterval: (query) => pollInterval(Boolean(query.state.data && isTransitional(query.state.data.state)), query.state.error),
  });
}

/** The machine types this codespace may move to. */
export function listMachinesForMyCodespaceQuery(name: string) {
  return queryOptions({
    queryKey: codespaceKeys.listMachinesForMyCodespace(name),
    queryFn: ({ signal }) => codespaces.listMachinesForMyCodespace(name, signal),
    staleTime: 60_000,
  });
}

const EXPORT_DONE = new Set(['succeeded', 'failed']);

/** An export, followed until it has succeeded or failed; `latest` is the codespace's most recent one. */
export function getMyCodespaceExportQuery(name: string, exportId: string) {
  return queryOptions({
    queryKey: codespaceKeys.getMyCodespaceExport(name, exportId),
    queryFn: ({ signal }) => codespaces.getMyCodespaceExport(name, exportId, signal),
    refetchInterval: (query) => (query.state.data && EXPORT_DONE.has(query.state.data.state ?? '') ? false : POLL_TRANSITIONAL_MS),
  });
}

// ---------- in a repository, and a new one there ----------

/** The user's codespaces in one repository (every page), followed quickly while one changes state. */
export function listMyCodespacesInRepositoryQuery(repo: string, api: Pick<CodespacesApi, 'listMyCodespacesInRepository'> = codespaces) {
  return queryOptions({
    queryKey: codespaceKeys.listMyCodespacesInRepository(repo),
    queryFn: ({ signal }) => api.listMyCodespacesInRepository(repo, signal),
    refetchInterval: (query) => listInterval(query.state.data, query.state.error),
  });
}

/** GitHub's defaults for a new codespace in this repository (location, dev container). */
export function getCodespaceDefaultsQuery(repo: string | null, ref: string) {
  return lookupQuery(codespaceKeys.getCodespaceDefaults(repo ?? '', ref), Boolean(repo), (signal) =>
    codespaces.getCodespaceDefaults(repo!, ref, signal),
  );
}

export function listDevcontainersQuery(repo: string | null) {
  return lookupQuery(codespaceKeys.listDevcontainers(repo ?? ''), Boolean(repo), (signal) => codespaces.listDevcontainers(repo!, signal));
}

/** Machines allowed for this repository at this ref and location; asked again when either changes. */
export function listRepositoryMachinesQuery(repo: string | null, ref: string, location: string) {
  return lookupQuery(codespaceKeys.listRepositoryMachines(repo ?? '', ref, location), Boolean(repo), (signal) =>
    codespaces.listRepositoryMachines(repo!, ref, location, signal),
  );
}

/** Whether the user has accepted the extra repository permissions this dev container asks for. */
export function checkDevcontainerPermissionsQuery(repo: string | null, ref: string, devcontainer: string) {
  return lookupQuery(
    codespaceKeys.checkDevcontainerPermissions(repo ?? '', ref, devcontainer),
    Boolean(repo && ref && devcontainer),
    (signal) => codespaces.checkDevcontainerPermissions(repo!, ref, devcontainer, signal),
  );
}

// ---------- an organisation's members', for its owners ----------

export type OrgCodespaceList = StreamedList<CodespaceSummary>;

/**
 * Every codespace of an organisation (all pages; a poll replaces the list once it is whole); needs
 * admin rights and the admin:org scope. A first paint brings page one, and the rest follow from
 * page two: they are kept until the last is in and the list then replaced once (`replace`: one
 * render of 10,000 codespaces' facets, order and attention instead of one per hand-over), while
 * how many have arrived is said as they come (`orgCodespacesArrivedQuery`), so that the page's
 * "Loaded n of N" follows them without rendering the list.
 */
export function listOrgCodespacesQuery(
  org: string,
  api: Pick<CodespaceListsApi, 'listOrgCodespaces'> & Partial<Pick<CodespaceListsApi, 'listOrgCodespacesAfterFirst'>> = codespaces,
) {
  return queryOptions({
    queryKey: codespaceKeys.listOrgCodespaces(org),
    queryFn: experimental_streamedQuery<ListPage<CodespaceSummary>, OrgCodespaceList, readonly unknown[]>({
      streamFn: async function* ({ signal, client, queryKey }) {
        const held = client.getQueryData<OrgCodespaceList>(queryKey);
        if (held && held.pages === 1 && !isComplete(held) && api.listOrgCodespacesAfterFirst) {
          yield { items: held.items, total: held.total, sso: held.sso };
          const arrivedKey = codespaceKeys.orgCodespacesArrived(org);
          let arrived = held.items.length;
          client.setQueryData(arrivedKey, arrived);
          for await (const page of api.listOrgCodespacesAfterFirst(org, held.total, signal)) {
            client.setQueryData(arrivedKey, (arrived += page.items.length));
            yield page;
          }
        } else yield* api.listOrgCodespaces(org, signal);
      },
      reducer: (list: OrgCodespaceList, page) => addPage(list, page, CODESPACES_PER_PAGE),
      initialValue: emptyList<CodespaceSummary>(),
      refetchMode: 'replace',
    }),
    staleTime: (query) => (isComplete(query.state.data) ? FRESH_MS : 0),
    refetchInterval: (query) => listInterval(query.state.data?.items, query.state.error),
  });
}

/**
 * How many of an organisation's codespaces have arrived while the rest of a first-painted list
 * streams in (set by `listOrgCodespacesQuery`, never fetched): what the page says it has loaded.
 */
export function orgCodespacesArrivedQuery(org: string) {
  return queryOptions<number>({ queryKey: codespaceKeys.orgCodespacesArrived(org), queryFn: skipToken, staleTime: Infinity });
}

/** One member's codespaces billed to the organisation (every page), followed quickly while one changes state. */
export function listMemberCodespacesQuery(org: string, username: string) {
  return queryOptions({
    queryKey: codespaceKeys.listMemberCodespaces(org, username),
    queryFn: ({ signal }) => codespaces.listMemberCodespaces(org, username, signal),
    refetchInterval: (query) => listInterval(query.state.data, query.state.error),
  });
}

// ---------- changes (start, stop and delete: actions.ts) ----------

const refreshCodespaces = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: codespaceKeys.all });

/** Stores a codespace as GitHub just answered it: in full for its page, summarised for the list. */
export function putCodespace(queryClient: QueryClient, codespace: Codespace) {
  const summary = summarizeCodespace(codespace);
  queryClient.setQueryData<CodespaceList>(codespaceKeys.listMyCodespaces(), (list) =>
    mapItems(list, (c) => (c.name === codespace.name ? summary : c)),
  );
  queryClient.setQueryData<Codespace>(codespaceKeys.getMyCodespace(codespace.name), codespace);
}

export type CodespaceUpdate = {
  codespace: Pick<Codespace, 'name'>;
  changes: CodespaceChanges;
  /** With `changes.machine`: the machine chosen, as GitHub listed it, for the words (its display name). */
  machine?: Pick<CodespaceMachine, 'name' | 'display_name'>;
};

/**
 * Rename or change machine: `PATCH /user/codespaces/{name}`. A new machine for a running codespace
 * applies at its next start, and GitHub's answer still names the current one: the notice names
 * the machine chosen, and the request is remembered until it applies (domain/machine-change.ts).
 */
export function updateMyCodespaceMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'update'],
    mutationFn: ({ codespace, changes }: CodespaceUpdate) => codespaces.updateMyCodespace(codespace.name, changes),
    onSuccess: (updated, { machine }) => {
      putCodespace(queryClient, updated);
      if (!machine) return;
      const request = machineRequestAfter(updated, machine, Date.now());
      if (request) rememberMachineRequest(updated.name, request);
      else forgetMachineRequest(updated.name);
    },
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      ...notices<Codespace, CodespaceUpdate>({
        success: (updated, { changes, machine }) =>
          changes.machine
            ? machineChangeNotice(codespaceTitle(updated), machine ?? { display_name: 'the machine chosen' })
            : `Renamed to ${codespaceTitle(updated)}`,
      }),
      ...actsOn(({ codespace }: CodespaceUpdate) => [codespace.name]),
    },
  });
}

/** Starts an export of the codespace's changes to a branch. */
export function exportMyCodespaceMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'export'],
    mutationFn: (codespace: Pick<CodespaceSummary, 'name' | 'display_name'>) => codespaces.exportMyCodespace(codespace.name),
    meta: actsOn((codespace: Pick<CodespaceSummary, 'name'>) => [codespace.name]),
    onSuccess: (details: CodespaceExport, codespace) => {
      if (details.id) {
        queryClient.setQueryData(codespaceKeys.getMyCodespaceExport(codespace.name, details.id), details);
        awaitExport(codespace.name, details.id, codespaceTitle(codespace));
      }
      queryClient.setQueryData(codespaceKeys.getMyCodespaceExport(codespace.name, 'latest'), details);
      // The codespace is Exporting now: refetching makes its page follow the state (and the git status after).
      void refreshCodespaces(queryClient);
    },
  });
}

/** Publishes a codespace made from a template to a new repository of the user's. */
export function publishMyCodespaceMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'publish'],
    mutationFn: ({ codespace, name, isPrivate }: { codespace: Pick<Codespace, 'name'>; name: string; isPrivate: boolean }) =>
      codespaces.publishMyCodespace(codespace.name, { name, private: isPrivate }),
    onSuccess: (published) => putCodespace(queryClient, published),
    onSettled: () => refreshCodespaces(queryClient),
    meta: {
      ...notices<Codespace, unknown>({ success: (published) => `Published to ${published.repository.full_name}` }),
      ...actsOn(({ codespace }: { codespace: Pick<Codespace, 'name'> }) => [codespace.name]),
    },
  });
}

export type CreateRequest = { target: CreateTarget; body: Record<string, unknown> };

/** Creates a codespace (createCodespaceInRepository, createCodespaceFromPullRequest); the new one joins the list at once and has its page ready. */
export function createCodespaceMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationKey: [...codespaceKeys.all, 'create'],
    mutationFn: ({ target, body }: CreateRequest) => codespaces.createCodespace(target, body),
    onSuccess: ({ codespace }: { codespace: Codespace }) => {
      queryClient.setQueryData<CodespaceList>(codespaceKeys.listMyCodespaces(), (list) =>
        withItemFirst(list, summarizeCodespace(codespace)),
      );
      queryClient.setQueryData(codespaceKeys.getMyCodespace(codespace.name), codespace);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: codespaceKeys.listMyCodespaces() }),
    meta: notices<{ codespace: Codespace; accepted: boolean }, CreateRequest>({
      success: ({ codespace, accepted }) =>
        accepted ? `GitHub accepted ${codespace.name} and is still creating it` : `Creating ${codespace.display_name || codespace.name}`,
    }),
  });
}
