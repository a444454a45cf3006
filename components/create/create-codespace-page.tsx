'use client';

import { useMemo, useReducer, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import { ApiError } from '@/lib/transport/api-error';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import {
  canCreate,
  createFormReducer,
  createNotFoundInWords,
  createTarget,
  effectiveChoices,
  formValues,
  initialCreateForm,
  pullRequestCheck,
  toCreateBody,
  type CreateSource,
  type FieldErrors,
} from '@/lib/codespaces/domain/create-form';
import { useCodespaceRepositories } from '@/lib/codespaces/use-codespace-repositories';
import { listBranchesQuery, listMyRepositoriesQuery, listPullRequestsQuery, getPullRequestQuery } from '@/lib/repositories/queries';
import { createCodespaceMutation } from '@/lib/codespaces/changes';
import {
  getCodespaceDefaultsQuery,
  listDevcontainersQuery,
  checkDevcontainerPermissionsQuery,
  listRepositoryMachinesQuery,
} from '@/lib/codespaces/queries';
import { knownRepositories } from '@/lib/repositories/domain/known';
import { answerOf } from '@/lib/repositories/domain/standing';
import { CreateCodespaceView } from './create-codespace-view';

/**
 * The create page: keeps the form, asks GitHub what the chosen repository offers, and creates.
 * Where GitHub hides private repositories from the token (an OAuth App without `repo`), it offers
 * those the user's codespaces are in, takes a typed `owner/repo`, and offers the consent.
 */
export function CreateCodespacePage({
  initialRepo,
  initialSource,
  repoAccess,
}: {
  initialRepo: string | null;
  initialSource: CreateSource;
  repoAccess: ScopeAccess;
}) {
  const router = useRouter();
  const [state, dispatch] = useReducer(createFormReducer, initialCreateForm(initialRepo, initialSource));
  const [errors, setErrors] = useState<FieldErrors>({});
  const hidden = privateRepositoriesHidden(repoAccess);
  const consent = useRepoScopeConsent(repoAccess);

  const repositories = useQuery(listMyRepositoriesQuery());
  // GitHub lists only public repositories here: the user's codespaces name the private ones they use.
  const inCodespaces = useCodespaceRepositories(hidden);
  const known = useMemo(() => knownRepositories(repositories.data, inCodespaces.codespaces), [repositories.data, inCodespaces.codespaces]);
  const branches = useQuery(listBranchesQuery(state.source === 'repository' ? state.repo : null));
  const pulls = useQuery(listPullRequestsQuery(state.source === 'pullRequest' ? state.repo : null));
  const pull = useQuery(getPullRequestQuery(state.source === 'pullRequest' ? state.pull : null));
  const pullCheck = pullRequestCheck(Boolean(state.pull), { ...answerOf(pull), data: pull.data }, answerOf(pulls));
  const pullHeads = useMemo(() => {
    const heads = new Map(pulls.data?.map((p) => [p.number, p.head.ref]));
    if (pull.data) heads.set(pull.data.number, pull.data.head.ref);
    return heads;
  }, [pulls.data, pull.data]);
  const facts = { defaultBranch: repositories.data?.find((r) => r.full_name === state.repo)?.default_branch, pullHeads };
  // GitHub's defaults depend on the ref, and the machines on the ref: each asked in turn.
  const ref = effectiveChoices(state, facts).ref;
  const defaults = useQuery(getCodespaceDefaultsQuery(state.repo, ref));
  const devcontainers = useQuery(listDevcontainersQuery(state.repo));
  const machines = useQuery(listRepositoryMachinesQuery(state.repo, ref, ''));
  const choices = effectiveChoices(state, { ...facts, defaults: defaults.data, machines: machines.data?.map((m) => m.name) });
  const permissions = useQuery(checkDevcontainerPermissionsQuery(state.repo, choices.ref, choices.devcontainer));
  const needsConsent = permissions.data === false;

  const create = useMutation(createCodespaceMutation(useQueryClient()));
  // Never sent twice: the button is disabled while pending, and a second submit in the same
  // moment (a double click, a re-render) is dropped here too.
  const sending = useRef(false);
  const pullMissing = pullCheck.kind === 'missing';

  const submit = () => {
    // The same rules as the button's: a stale or broken pull request address, or a missing pull request, sends nothing.
    const target = createTarget(state);
    if (!target || sending.current || !canCreate(state, { needsConsent, pending: create.isPending, pullMissing })) return;
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

  const notFound = create.error instanceof ApiError && create.error.status === 404 && create.variables;
  return (
    <CreateCodespaceView
      state={state}
      dispatch={dispatch}
      choices={choices}
      repositories={{
        data: repositories.data ? known : undefined,
        loading: repositories.isPending || inCodespaces.loading,
        error: repositories.error,
      }}
      privateRepositories={hidden ? { hidden: true, consent } : { hidden: false }}
      branches={{ data: branches.data, loading: branches.isPending, error: branches.error }}
      pulls={{ data: pulls.data, loading: pulls.isPending, error: pulls.error }}
      pullCheck={pullCheck}
      devcontainers={{ data: devcontainers.data, loading: devcontainers.isPending }}
      machines={{ data: machines.data, loading: machines.isPending, fetching: machines.isFetching }}
      needsConsent={needsConsent}
      errors={errors}
      ready={canCreate(state, { needsConsent, pending: create.isPending, pullMissing })}
      pending={create.isPending}
      createError={create.error}
      createNotFound={notFound ? createNotFoundInWords(create.variables.target) : null}
      onDismissCreateError={() => create.reset()}
      onSubmit={submit}
    />
  );
}
