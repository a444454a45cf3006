'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { ShieldAlert } from 'lucide-react';
import { notify } from '@/lib/notify';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { inputClass, TextField } from '@/components/ui/field';
import {
  DEFAULT_IDLE_TIMEOUT_MINUTES,
  DEFAULT_RETENTION_MINUTES,
  LOCATIONS,
  parsePullRequestUrl,
  toCreateBody,
  type FieldErrors,
} from '@/lib/codespaces/create-form';
import { formatBytes } from '@/lib/format';
import {
  useBranches,
  useCodespaceDefaults,
  useCreateCodespace,
  useDevcontainers,
  useMyRepositories,
  useOpenPullRequests,
  usePermissionsCheck,
  useRepositoryMachines,
  type CreateTarget,
} from '@/lib/queries/repositories';
import { RepositoryPicker } from './repository-picker';

type Source = 'repository' | 'pullRequest';

const RETENTION_CHOICES = [1, 3, 7, 14, 30];

function SelectField({ id, label, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string }) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} className={inputClass} {...props}>
        {children}
      </select>
    </div>
  );
}

/** Create a codespace from a repository (branch, dev container, machine…) or from an open pull request. */
export function CreateCodespacePage({ initialRepo, initialSource }: { initialRepo: string | null; initialSource: Source }) {
  const router = useRouter();
  const [source, setSource] = useState<Source>(initialSource);
  const [repo, setRepo] = useState<string | null>(initialRepo);
  const [pull, setPull] = useState<{ repo: string; number: number } | null>(null);
  const [pullUrl, setPullUrl] = useState('');
  const [ref, setRef] = useState('');
  const [devcontainer, setDevcontainer] = useState('');
  const [location, setLocation] = useState('');
  const [machine, setMachine] = useState('');
  const [idle, setIdle] = useState(String(DEFAULT_IDLE_TIMEOUT_MINUTES));
  const [retentionDays, setRetentionDays] = useState(DEFAULT_RETENTION_MINUTES / 1440);
  const [displayName, setDisplayName] = useState('');
  const [optOut, setOptOut] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  const repositories = useMyRepositories();
  const repository = repositories.data?.find((r) => r.full_name === repo) ?? null;
  const branches = useBranches(source === 'repository' ? repo : null);
  const pulls = useOpenPullRequests(source === 'pullRequest' ? repo : null);
  const effectiveRef =
    source === 'repository'
      ? ref || repository?.default_branch || ''
      : (pulls.data?.find((p) => p.number === pull?.number)?.head.ref ?? '');
  const defaults = useCodespaceDefaults(repo, effectiveRef);
  const devcontainers = useDevcontainers(repo);
  const effectiveLocation = location || defaults.data?.location || '';
  const effectiveDevcontainer = devcontainer || defaults.data?.devcontainer_path || '';
  const machines = useRepositoryMachines(repo, effectiveRef, effectiveLocation);
  const effectiveMachine = machines.data?.some((m) => m.name === machine) ? machine : (machines.data?.[0]?.name ?? '');
  const permissions = usePermissionsCheck(repo, effectiveRef, effectiveDevcontainer);
  const needsConsent = permissions.data === false;
  const create = useCreateCodespace();

  // A new repository means new branches, dev containers and machines: forget the old choices.
  const chooseRepository = (next: string, pullNumber?: number) => {
    setRepo(next);
    setRef('');
    setDevcontainer('');
    setMachine('');
    setOptOut(false);
    setPull(pullNumber ? { repo: next, number: pullNumber } : null);
  };

  const target: CreateTarget | null =
    source === 'repository'
      ? repo
        ? { kind: 'repository', repo }
        : null
      : pull
        ? { kind: 'pullRequest', repo: pull.repo, number: pull.number }
        : null;
  const ready = Boolean(target) && (!needsConsent || optOut) && !create.isPending;

  const submit = () => {
    if (!target) return;
    const result = toCreateBody(
      {
        ref: effectiveRef,
        devcontainerPath: effectiveDevcontainer,
        machine: effectiveMachine,
        location: effectiveLocation,
        idleTimeoutMinutes: idle,
        retentionPeriodMinutes: retentionDays * 1440,
        displayName,
        permissionsOptOut: needsConsent && optOut,
      },
      target.kind,
    );
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.create(
      { target, body: result.body },
      {
        onSuccess: ({ codespace, accepted }) => {
          notify.success(
            accepted
              ? `GitHub accepted ${codespace.name} and is still creating it`
              : `Creating ${codespace.display_name || codespace.name}`,
          );
          router.push(`/codespaces/${encodeURIComponent(codespace.name)}`);
        },
      },
    );
  };

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Create a codespace</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Pick a repository; every other setting has a sensible default.</p>
      </div>

      <div
        role="radiogroup"
        aria-label="Create from"
        className="inline-flex w-fit rounded-lg border border-zinc-300 p-0.5 text-sm dark:border-zinc-700"
      >
        {(
          [
            ['repository', 'From a repository'],
            ['pullRequest', 'From a pull request'],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={source === value}
            onClick={() => setSource(value)}
            className="rounded-md px-3 py-1.5 font-medium text-zinc-600 aria-checked:bg-zinc-900 aria-checked:text-white dark:text-zinc-300 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900"
          >
            {label}
          </button>
        ))}
      </div>

      <form
        className="flex flex-col gap-5 rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) submit();
        }}
      >
        {source === 'pullRequest' && (
          <TextField
            id="pull-url"
            label="Pull request URL (or pick a repository and one of its open pull requests)"
            placeholder="https://github.com/owner/repo/pull/123"
            value={pullUrl}
            onChange={(e) => {
              setPullUrl(e.target.value);
              const parsed = parsePullRequestUrl(e.target.value);
              if (parsed) chooseRepository(`${parsed.owner}/${parsed.repo}`, parsed.number);
            }}
            error={pullUrl && !parsePullRequestUrl(pullUrl) ? 'Not a pull request URL' : undefined}
          />
        )}

        <RepositoryPicker value={repo} onChange={(next) => chooseRepository(next)} />

        {repo && (
          <div className="grid gap-4 sm:grid-cols-2">
            {source === 'repository' ? (
              <SelectField id="ref" label="Branch" value={effectiveRef} onChange={(e) => setRef(e.target.value)}>
                {!branches.data && effectiveRef && <option value={effectiveRef}>{effectiveRef}</option>}
                {branches.data?.map((b) => (
                  <option key={b.name} value={b.name}>
                    {b.name}
                  </option>
                ))}
              </SelectField>
            ) : (
              <SelectField
                id="pull"
                label="Pull request"
                value={pull?.number ?? ''}
                onChange={(e) => setPull(e.target.value ? { repo, number: Number(e.target.value) } : null)}
              >
                <option value="">
                  {pulls.isPending ? 'Loading pull requests…' : pulls.data?.length ? 'Choose a pull request' : 'No open pull requests'}
                </option>
                {pulls.data?.map((p) => (
                  <option key={p.number} value={p.number}>
                    #{p.number} {p.title}
                  </option>
                ))}
              </SelectField>
            )}
            <SelectField
              id="devcontainer"
              label="Dev container configuration"
              value={effectiveDevcontainer}
              onChange={(e) => setDevcontainer(e.target.value)}
            >
              <option value="">Default configuration</option>
              {devcontainers.data?.map((d) => (
                <option key={d.path} value={d.path}>
                  {d.display_name ?? d.name ?? d.path} ({d.path})
                </option>
              ))}
            </SelectField>
            <SelectField id="location" label="Region" value={effectiveLocation} onChange={(e) => setLocation(e.target.value)}>
              {!effectiveLocation && <option value="">Nearest to you</option>}
              {LOCATIONS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="machine"
              label="Machine type"
              value={effectiveMachine}
              onChange={(e) => setMachine(e.target.value)}
              aria-busy={machines.isFetching}
            >
              {!machines.data && <option value="">{machines.isPending ? 'Loading machine types…' : 'Default machine'}</option>}
              {machines.data?.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.cpus} cores · {formatBytes(m.memory_in_bytes)} RAM · {formatBytes(m.storage_in_bytes)}
                </option>
              ))}
            </SelectField>
            <TextField
              id="idle-timeout"
              label="Idle timeout (minutes)"
              type="number"
              min={5}
              max={240}
              value={idle}
              onChange={(e) => setIdle(e.target.value)}
              error={errors.idleTimeoutMinutes}
              hint="Stops after this long without activity (5–240)."
            />
            {source === 'repository' && (
              <SelectField
                id="retention"
                label="Keep when stopped for"
                value={retentionDays}
                onChange={(e) => setRetentionDays(Number(e.target.value))}
              >
                {RETENTION_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {d} {d === 1 ? 'day' : 'days'}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField
              id="display-name"
              label="Display name (optional)"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
              error={errors.displayName}
              maxLength={60}
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
                <input type="checkbox" checked={optOut} onChange={(e) => setOptOut(e.target.checked)} />
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
        {create.error && (
          <ErrorAlert error={create.error} fallbackTitle="Could not create the codespace" onDismiss={() => create.reset()} />
        )}

        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={!ready}>
            {create.isPending ? 'Creating…' : 'Create codespace'}
          </Button>
        </div>
      </form>
    </main>
  );
}
