'use client';

import { useMemo, useReducer, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  canCreate,
  createFormReducer,
  createTarget,
  effectiveChoices,
  formValues,
  initialCreateForm,
  toCreateBody,
  type CreateSource,
  type FieldErrors,
} from '@/lib/codespaces/create-form';
import {
  branchesQuery,
  codespaceDefaultsQuery,
  createCodespace,
  devcontainersQuery,
  myRepositoriesQuery,
  openPullRequestsQuery,
  permissionsCheckQuery,
  repositoryMachinesQuery,
} from '@/lib/queries/repositories';
import { CreateCodespaceView } from './create-codespace-view';

/** The create page: keeps the form, asks GitHub what the chosen repository offers, and creates. */
export function CreateCodespacePage({ initialRepo, initialSource }: { initialRepo: string | null; initialSource: CreateSource }) {
  const router = useRouter();
  const [state, dispatch] = useReducer(createFormReducer, initialCreateForm(initialRepo, initialSource));
  const [errors, setErrors] = useState<FieldErrors>({});

  const repositories = useQuery(myRepositoriesQuery());
  const branches = useQuery(branchesQuery(state.source === 'repository' ? state.repo : null));
  const pulls = useQuery(openPullRequestsQuery(state.source === 'pullRequest' ? state.repo : null));
  const pullHeads = useMemo(() => new Map(pulls.data?.map((p) => [p.number, p.head.ref])), [pulls.data]);
  const facts = { defaultBranch: repositories.data?.find((r) => r.full_name === state.repo)?.default_branch, pullHeads };
  // GitHub's defaults depend on the ref, and the machines on ref and location: each asked in turn.
  const ref = effectiveChoices(state, facts).ref;
  const defaults = useQuery(codespaceDefaultsQuery(state.repo, ref));
  const devcontainers = useQuery(devcontainersQuery(state.repo));
  const location = effectiveChoices(state, { ...facts, defaults: defaults.data }).location;
  const machines = useQuery(repositoryMachinesQuery(state.repo, ref, location));
  const choices = effectiveChoices(state, { ...facts, defaults: defaults.data, machines: machines.data?.map((m) => m.name) });
  const permissions = useQuery(permissionsCheckQuery(state.repo, choices.ref, choices.devcontainer));
  const needsConsent = permissions.data === false;

  const create = useMutation(createCodespace(useQueryClient()));
  // Never sent twice: the button is disabled while pending, and a second submit in the same
  // moment (a double click, a re-render) is dropped here too.
  const sending = useRef(false);

  const submit = () => {
    const target = createTarget(state);
    if (!target || sending.current) return;
    const result = toCreateBody(formValues(state, choices, needsConsent), target.kind);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    sending.current = true;
    create.mutate(
      { target, body: result.body },
      {
        onSuccess: ({ codespace }) => router.push(`/codespaces/${encodeURIComponent(codespace.name)}`),
        onSettled: () => (sending.current = false),
      },
    );
  };

  return (
    <CreateCodespaceView
      state={state}
      dispatch={dispatch}
      choices={choices}
      repositories={{ data: repositories.data, loading: repositories.isPending, error: repositories.error }}
      branches={{ data: branches.data, loading: branches.isPending }}
      pulls={{ data: pulls.data, loading: pulls.isPending }}
      devcontainers={{ data: devcontainers.data, loading: devcontainers.isPending }}
      machines={{ data: machines.data, loading: machines.isPending, fetching: machines.isFetching }}
      needsConsent={needsConsent}
      errors={errors}
      ready={canCreate(state, { needsConsent, pending: create.isPending })}
      pending={create.isPending}
      createError={create.error}
      onDismissCreateError={() => create.reset()}
      onSubmit={submit}
    />
  );
}
