import { DISPLAY_NAME_MAX } from '@/lib/codespaces/domain/limits';
import type { ChangeEvent, Dispatch } from 'react';
import { ShieldAlert } from 'lucide-react';
import { PrivateRepositoriesNotice, RepoScope, type RepoScopeConsent } from '@/components/github/repo-scope-consent';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Options, SelectField, TextField } from '@/components/ui/field';
import type { Loaded } from '@/components/ui/loaded';
import type { Branch, PullRequest } from '@/lib/repositories/domain/types';
import type { Devcontainer } from '@/lib/codespaces/domain/types';
import {
  GEOS,
  pullUrlProblem,
  type CreateFormAction,
  type CreateFormState,
  type CreateSource,
  type effectiveChoices,
  type FieldErrors,
  type PullRequestCheck,
} from '@/lib/codespaces/domain/create-form';
import type { CodespaceMachine } from '@/lib/codespaces/domain/types';
import { formatBytes } from '@/lib/format';
import type { KnownRepository } from '@/lib/repositories/domain/known';
import { RepositoryPicker } from './repository-picker';
import { Page } from '@/components/layout/page';

const RETENTION_CHOICES = [1, 3, 7, 14, 30];

export interface CreateCodespaceViewProps {
  state: CreateFormState;
  dispatch: Dispatch<CreateFormAction>;
  choices: ReturnType<typeof effectiveChoices>;
  /** The repositories Hangar knows of (lib/repositories/known.ts). */
  repositories: Loaded<readonly KnownRepository[]>;
  /** Whether GitHub hides private repositories from the session (an OAuth App's token without `repo`), and the consent that shows them. */
  privateRepositories: { hidden: false } | { hidden: true; consent: RepoScopeConsent | null };
  branches: Loaded<Branch[]>;
  pulls: Loaded<PullRequest[]>;
  /** What is known of the chosen pull request (lib/codespaces/create-form.ts). */
  pullCheck: PullRequestCheck;
  devcontainers: Loaded<Devcontainer[]>;
  machines: Loaded<CodespaceMachine[]> & { fetching: boolean };
  /** The dev container asks for access to other repositories the user has not accepted. */
  needsConsent: boolean;
  errors: FieldErrors;
  ready: boolean;
  pending: boolean;
  createError: Error | null;
  /** GitHub's 404 to the create, in words (what it did not find); null for any other outcome. */
  createNotFound: string | null;
  onDismissCreateError: () => void;
  onSubmit: () => void;
}

const SOURCES: [CreateSource, string][] = [
  ['repository', 'From a repository'],
  ['pullRequest', 'From a pull request'],
];

/** Create a codespace from a repository (branch, dev container, machine…) or from a pull request. */
export function CreateCodespaceView(props: CreateCodespaceViewProps) {
  const { state, dispatch, choices, branches, pulls, devcontainers, machines, needsConsent, errors, privateRepositories } = props;
  // A field's change, as its input or select reports it.
  const field =
    (name: Extract<CreateFormAction, { type: 'field' }>['field']) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      dispatch({ type: 'field', field: name, value: event.target.value });
  const hidden = privateRepositories.hidden;

  return (
    <Page width="narrow" gap="roomy">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Create a codespace</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Pick a repository; every other setting has a sensible default.</p>
      </div>

      <div
        role="radiogroup"
        aria-label="Create from"
        className="inline-flex w-fit rounded-lg border border-zinc-300 p-0.5 text-sm dark:border-zinc-700"
      >
        {SOURCES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={state.source === value}
            onClick={() => dispatch({ type: 'source', source: value })}
            className="rounded-md px-3 py-1.5 font-medium text-zinc-600 aria-checked:bg-zinc-900 aria-checked:text-white dark:text-zinc-300 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900"
          >
            {label}
          </button>
        ))}
      </div>

      {privateRepositories.hidden && privateRepositories.consent && (
        <PrivateRepositoriesNotice title="Private repositories are hidden" consent={privateRepositories.consent}>
          <p>
            You signed in to Hangar without GitHub’s <RepoScope /> scope, so GitHub lists only your public repositories. The private ones
            your codespaces are in are listed too, and you can type any other as <span className="font-mono">owner/name</span>: creating a
            codespace needs only the <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">codespace</code> scope. Without{' '}
            <RepoScope />, Hangar cannot list a private repository’s branches or pull requests.
          </p>
        </PrivateRepositoriesNotice>
      )}

      <form
        className="flex flex-col gap-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={(e) => {
          e.preventDefault();
          if (props.ready) props.onSubmit();
        }}
      >
        {state.source === 'pullRequest' && (
          <TextField
            id="pull-url"
            label="Pull request URL (or pick a repository and one of its open pull requests)"
            placeholder="https://github.com/owner/repo/pull/123"
            value={state.pullUrl}
            onChange={(e) => dispatch({ type: 'pullUrl', value: e.target.value })}
            error={pullUrlProblem(state)}
          />
        )}

        <RepositoryPicker
          repositories={props.repositories.data}
          loading={props.repositories.loading}
          error={props.repositories.error}
          value={state.repo}
          onChange={(repo) => dispatch({ type: 'repository', repo })}
        />

        {state.repo && (
          <div className="grid gap-4 sm:grid-cols-2">
            {state.source === 'repository' ? (
              branches.error && !branches.data ? (
                // GitHub does not list this repository's branches (a private one, to a token without repo): type one, or take the default.
                <TextField
                  id="ref"
                  label="Branch"
                  placeholder="Default branch"
                  value={state.ref}
                  onChange={field('ref')}
                  error={errors.ref}
                  hint={
                    hidden
                      ? 'GitHub does not list a private repository’s branches without the repo scope. Leave empty for its default branch.'
                      : 'Leave empty for the repository’s default branch.'
                  }
                  autoComplete="off"
                  spellCheck={false}
                />
              ) : (
                <SelectField id="ref" label="Branch" value={choices.ref} onChange={field('ref')}>
                  {!branches.data && choices.ref && <option value={choices.ref}>{choices.ref}</option>}
                  <Options choices={branches.data?.map((b) => [b.name, b.name])} />
                </SelectField>
              )
            ) : pulls.error && !pulls.data ? (
              // With a pull request chosen, its status below says the same about it.
              !state.pull && (
                <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400">
                  {hidden
                    ? `GitHub does not list the pull requests of ${state.repo} without the repo scope when it is private.`
                    : `GitHub did not list the pull requests of ${state.repo}.`}{' '}
                  Paste the pull request’s URL above.
                </p>
              )
            ) : (
              <SelectField
                id="pull"
                label="Pull request"
                value={state.pull?.number ?? ''}
                onChange={(e) => dispatch({ type: 'pull', number: e.target.value ? Number(e.target.value) : null })}
              >
                <option value="">
                  {pulls.loading ? 'Loading pull requests…' : pulls.data?.length ? 'Choose a pull request' : 'No open pull requests'}
                </option>
                {state.pull && !pulls.data?.some((p) => p.number === state.pull?.number) && (
                  <option value={state.pull.number}>#{state.pull.number}</option>
                )}
                <Options choices={pulls.data?.map((p) => [p.number, `#${p.number} ${p.title}`])} />
              </SelectField>
            )}
            {state.source === 'pullRequest' && state.pull && (
              <PullRequestStatus pull={state.pull} check={props.pullCheck} hidden={hidden} />
            )}
            <SelectField
              id="devcontainer"
              label="Dev container configuration"
              value={choices.devcontainer}
              onChange={field('devcontainer')}
            >
              <option value="">Default configuration</option>
              <Options choices={devcontainers.data?.map((d) => [d.path, `${d.display_name ?? d.name ?? d.path} (${d.path})`])} />
            </SelectField>
            <SelectField id="region" label="Region" value={choices.geo} onChange={field('geo')}>
              <option value="">Nearest to you</option>
              <Options choices={GEOS.map((g) => [g.value, g.label])} />
            </SelectField>
            <SelectField
              id="machine"
              label="Machine type"
              value={choices.machine}
              onChange={field('machine')}
              aria-busy={machines.fetching}
            >
              {!machines.data && <option value="">{machines.loading ? 'Loading machine types…' : 'Default machine'}</option>}
              <Options
                choices={machines.data?.map((m) => [
                  m.name,
                  `${m.cpus} cores · ${formatBytes(m.memory_in_bytes)} RAM · ${formatBytes(m.storage_in_bytes)}`,
                ])}
              />
            </SelectField>
            <TextField
              id="idle-timeout"
              label="Idle timeout (minutes)"
              type="number"
              min={5}
              max={240}
              value={state.idle}
              onChange={field('idle')}
              error={errors.idleTimeoutMinutes}
              hint="Stops after this long without activity (5–240)."
            />
            {state.source === 'repository' && (
              <SelectField
                id="retention"
                label="Keep when stopped for"
                value={state.retentionDays}
                onChange={(e) => dispatch({ type: 'retention', days: Number(e.target.value) })}
              >
                <Options choices={RETENTION_CHOICES.map((d) => [d, `${d} ${d === 1 ? 'day' : 'days'}`])} />
              </SelectField>
            )}
            <TextField
              id="display-name"
              label="Display name (optional)"
              value={state.displayName}
              onChange={field('displayName')}
              // No maxlength: it would cut a paste silently. The count says where GitHub's limit is.
              error={
                state.displayName.trim().length > DISPLAY_NAME_MAX
                  ? `At most ${DISPLAY_NAME_MAX} characters: ${state.displayName.trim().length - DISPLAY_NAME_MAX} too many`
                  : errors.displayName
              }
              hint={`${state.displayName.trim().length} of ${DISPLAY_NAME_MAX} characters`}
            />
          </div>
        )}

        {needsConsent && (
          <div className="flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
            <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div>
              <p className="font-semibold">This dev container asks for access to other repositories</p>
              <p className="mt-0.5">
                You have not accepted these permissions yet. Accept them on GitHub, or create the codespace without them (some tools inside
                may not work).
              </p>
              <label className="mt-2 flex items-center gap-2">
                <input type="checkbox" checked={state.optOut} onChange={(e) => dispatch({ type: 'optOut', value: e.target.checked })} />
                Create without the additional permissions
              </label>
            </div>
          </div>
        )}

        {Object.keys(errors).length > 0 && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Some settings need a fix: {Object.values(errors).join('; ')}
          </p>
        )}
        {props.createNotFound ? (
          <Alert title="Could not create the codespace" onDismiss={props.onDismissCreateError}>
            {props.createNotFound}
          </Alert>
        ) : props.createError ? (
          <ErrorAlert error={props.createError} fallbackTitle="Could not create the codespace" onDismiss={props.onDismissCreateError} />
        ) : null}

        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={!props.ready}>
            {props.pending ? 'Creating…' : 'Create codespace'}
          </Button>
        </div>
      </form>
    </Page>
  );
}

/** What is known of the chosen pull request, in words: found (its title and branch), missing, or not for Hangar to check. */
function PullRequestStatus({ pull, check, hidden }: { pull: { repo: string; number: number }; check: PullRequestCheck; hidden: boolean }) {
  const line = 'text-sm sm:col-span-2';
  switch (check.kind) {
    case 'none':
      return null;
    case 'checking':
      return (
        <p role="status" className={`${line} text-zinc-600 dark:text-zinc-400`}>
          Checking pull request #{pull.number}…
        </p>
      );
    case 'found':
      return (
        <p role="status" className={`${line} text-zinc-700 dark:text-zinc-300`}>
          Pull request #{pull.number}: {check.title}, on <span className="font-mono">{check.head}</span>.
        </p>
      );
    case 'missing':
      return (
        <p role="alert" className={`${line} font-medium text-red-700 dark:text-red-400`}>
          {pull.repo} has no pull request #{pull.number}. Check the number, or choose one of its open pull requests.
        </p>
      );
    case 'hidden':
      return (
        <p role="status" className={`${line} text-zinc-600 dark:text-zinc-400`}>
          Hangar cannot check pull request #{pull.number}:{' '}
          {hidden
            ? `GitHub does not list the pull requests of a private repository without the repo scope.`
            : `GitHub shows neither it nor ${pull.repo}.`}{' '}
          GitHub checks it when you create the codespace.
        </p>
      );
    case 'unchecked':
      return (
        <p role="status" className={`${line} text-zinc-600 dark:text-zinc-400`}>
          Hangar could not check pull request #{pull.number}; GitHub checks it when you create the codespace.
        </p>
      );
  }
}
