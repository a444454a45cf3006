import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { CreateTarget } from '@/lib/codespaces/domain/create-form';
import { codespaceTitle } from '@/lib/codespaces/domain/state';
import { machineChangeNotice, machineRequestAfter } from '@/lib/codespaces/domain/machine-change';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import type { Codespace, CodespaceChanges, CodespaceExport, CodespaceMachine, CodespaceSummary } from '@/lib/codespaces/domain/types';
import { actsOn } from '@/lib/query/in-flight';
import { notices } from '@/lib/query/meta';
import { withItemFirst } from '@/lib/query/streamed-list';
import { codespaces } from './api';
import { forgetMachineRequest, rememberMachineRequest } from './machine-requests.client';
import { codespaceKeys, putCodespace, refreshCodespaces, type CodespaceList } from './queries';
import { awaitExport } from './transitions';

/**
 * Mutation options for a codespace's other changes: rename, machine, export, publish, and a new
 * one. Apart from queries.ts, which `/` loads for its list: these are asked for from a dialog or
 * the new codespace page, and (with the machine-change rules) stay out of `/`'s first load.
 * Start, stop and delete are in actions.ts.
 */

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
