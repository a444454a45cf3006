import type { ReactNode } from 'react';
import Link from 'next/link';
import { Boxes, EyeOff, ExternalLink, Lock, Plus, SearchX, ShieldCheck } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Breakable } from '@/components/ui/breakable';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { CodespaceList } from '@/components/codespaces/codespace-list';
import type { MonthCost } from '@/lib/usage/domain/month-cost';
import { PrivateRepositoriesNotice, RepoScope, RepoScopeControl, type RepoScopeConsent } from '@/components/github/repo-scope-consent';
import { ListSkeleton } from '@/components/codespaces/list-skeleton';
import type { PowerProps } from '@/components/codespaces/power-button';
import { SelectionBar, type SelectableListProps } from '@/components/codespaces/selection-bar';
import { SecretsSection } from '@/components/secrets/secrets-section';
import type { Loaded } from '@/components/ui/loaded';
import type { Devcontainer } from '@/lib/codespaces/domain/types';
import type { RepositoryDetails } from '@/lib/repositories/domain/types';
import type { Secret } from '@/lib/secrets/domain/scope';
import type { CodespaceMachine, CodespaceSummary } from '@/lib/codespaces/domain/types';
import { formatBytes } from '@/lib/format';
import type { RepositoryStanding } from '@/lib/repositories/domain/standing';
import { Page } from '@/components/layout/page';
import { ColumnHeadings, type Column } from '@/components/ui/table';

/** What the repository's secrets section can show, from the repository's permissions and the session's scopes. */
export type RepositorySecretsSection =
  | { kind: 'unknown' }
  | { kind: 'not-admin' }
  | { kind: 'consent'; consent: RepoScopeConsent }
  | ({ kind: 'list'; app: boolean } & Loaded<readonly Secret[]>);

export interface RepositoryViewProps extends SelectableListProps, PowerProps {
  repo: string;
  /** What GitHub lets the page show (lib/repositories/standing.ts). */
  standing: RepositoryStanding;
  /**
   * Why the repository may be hidden: the session's token lacks `repo` (an OAuth App's), and the
   * consent that would show it (null where asking cannot help).
   */
  hidden: { privateRepositories: boolean; consent: RepoScopeConsent | null };
  /** The repository on GitHub's web, for when GitHub does not give its address. */
  githubUrl: string | null;
  repository: Loaded<RepositoryDetails>;
  codespaces: Loaded<CodespaceSummary[]>;
  /** Each codespace's cost this month, by name, and whether GitHub's report is on its way. */
  costs: ReadonlyMap<string, MonthCost>;
  costsPending: boolean;
  /** GitHub's web host: a codespace's pull request links there. */
  githubWebUrl?: string | null;
  devcontainers: Loaded<Devcontainer[]>;
  machines: Loaded<CodespaceMachine[]>;
  secrets: RepositorySecretsSection;
  now: number;
  onNewSecret: () => void;
  onEditSecret: (name: string) => void;
  onDeleteSecret: (name: string) => void;
  /** Asks for the secrets again after GitHub failed them. */
  onRetrySecrets?: () => void;
  onRetry: () => void;
}

const MACHINE_COLUMNS: Column[] = [
  ['Cores', 'py-1.5 pr-2 pl-3 text-right sm:pl-4'],
  ['Memory', 'px-2 py-1.5 text-right'],
  ['Storage', 'px-2 py-1.5 text-right'],
  ['Name', 'py-1.5 pr-3 pl-2 sm:px-4'],
];

/** One repository: the user's codespaces in it, what it offers a new one, and (for its administrators) its Codespaces secrets. */
export function RepositoryView(props: RepositoryViewProps) {
  const { repo, repository, codespaces, standing } = props;
  if (standing === 'not-found') {
    return (
      <Page>
        <EmptyState icon={<SearchX className="size-10" />} title={`No repository named ${repo}`}>
          It does not exist, or your account cannot see it.{' '}
          <Link href="/" className="text-sky-700 underline dark:text-sky-400">
            Back to your codespaces
          </Link>
        </EmptyState>
      </Page>
    );
  }
  const data = repository.data;
  const hidden = standing === 'hidden';
  // GitHub hides only private repositories from a token without repo: one it hides is private.
  const visibility = data ? (data.private ? 'Private' : 'Public') : hidden && props.hidden.privateRepositories ? 'Private' : null;
  const githubUrl = data?.html_url ?? (hidden ? props.githubUrl : null);
  return (
    <Page gap="roomy">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Repository</p>
          <h1 className="flex flex-wrap items-center gap-2 text-xl font-semibold tracking-tight">
            <span className="min-w-0 break-words">
              <Breakable text={repo} />
            </span>
            {visibility && (
              <span className="rounded-full border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
                {visibility}
              </span>
            )}
          </h1>
          {data?.description && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{data.description}</p>}
        </div>
        <div className="flex flex-wrap gap-2">
          {githubUrl && (
            <a href={githubUrl} target="_blank" rel="noreferrer" className={buttonClass()}>
              <ExternalLink aria-hidden className="size-4" /> Open on GitHub
            </a>
          )}
          <Link href={`/codespaces/new?repo=${encodeURIComponent(repo)}`} className={buttonClass('primary')}>
            <Plus aria-hidden className="size-4" /> New codespace
          </Link>
        </div>
      </div>

      {standing === 'failed' ? (
        <ErrorAlert error={repository.error} fallbackTitle={`Could not load ${repo}`} onRetry={props.onRetry} />
      ) : hidden ? (
        <HiddenRepository repo={repo} {...props.hidden} />
      ) : null}

      <Section id="repo-codespaces" title="Your codespaces here" count={codespaces.data?.length}>
        {codespaces.loading ? (
          <ListSkeleton />
        ) : codespaces.error && !codespaces.data ? (
          <ErrorAlert error={codespaces.error} fallbackTitle="Could not load your codespaces here" />
        ) : !codespaces.data?.length ? (
          <EmptyState icon={<Boxes className="size-10" />} title={`No codespaces in ${repo}`}>
            <p>Codespaces you create from this repository appear here.</p>
            <Link
              href={`/codespaces/new?repo=${encodeURIComponent(repo)}`}
              className="mt-2 inline-block text-sky-700 underline dark:text-sky-400"
            >
              Create one
            </Link>
          </EmptyState>
        ) : (
          <div className="flex flex-col gap-2">
            {Boolean(codespaces.error) && (
              <Alert title="Could not refresh the list" tone="warning">
                Showing what was last loaded.
              </Alert>
            )}
            <SelectionBar {...props.selection} />
            <CodespaceList
              showRepository={false}
              codespaces={codespaces.data}
              total={codespaces.data.length}
              costs={props.costs}
              costsPending={props.costsPending}
              githubWebUrl={props.githubWebUrl}
              selected={props.selected}
              onToggle={props.onToggle}
              onToggleAll={props.onToggleAll}
              onPower={props.onPower}
              pendingNames={props.pendingNames}
            />
          </div>
        )}
      </Section>

      <div className="grid grid-cols-[minmax(0,1fr)] gap-5 md:grid-cols-2">
        <Section id="repo-devcontainers" title="Dev containers" count={props.devcontainers.data?.length}>
          <Offered loaded={props.devcontainers} none="No dev container configuration: new codespaces use GitHub’s default image.">
            {(list) => (
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {list.map((d) => (
                  <li key={d.path} className="px-4 py-2 text-sm">
                    <div className="font-medium">{d.display_name || d.name || 'Default'}</div>
                    <div className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{d.path}</div>
                  </li>
                ))}
              </ul>
            )}
          </Offered>
        </Section>
        <Section id="repo-machines" title="Machine types" count={props.machines.data?.length}>
          <Offered loaded={props.machines} none="GitHub offers no machine type for this repository to your account.">
            {(list) => (
              <table aria-label="Machine types" className="w-full text-left text-sm">
                <thead className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  <ColumnHeadings columns={MACHINE_COLUMNS} />
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {list.map((m) => (
                    <tr key={m.name} title={m.display_name}>
                      <th scope="row" className="py-1.5 pr-2 pl-3 text-right font-medium tabular-nums sm:pl-4">
                        {m.cpus}
                      </th>
                      <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{formatBytes(m.memory_in_bytes)}</td>
                      <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{formatBytes(m.storage_in_bytes)}</td>
                      <td className="py-1.5 pr-3 pl-2 sm:px-4">
                        <span className="font-mono text-xs">{m.name}</span>
                        {m.prebuild_availability && <span className="ml-1.5 text-xs text-emerald-700 dark:text-emerald-400">prebuilt</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Offered>
        </Section>
      </div>

      <RepositorySecrets {...props} />
    </Page>
  );
}

/**
 * A repository GitHub hides from the session's token while listing the user's codespaces in it:
 * what the page cannot show, and why, in words; and the consent that would show it.
 */
function HiddenRepository({ repo, privateRepositories, consent }: { repo: string } & RepositoryViewProps['hidden']) {
  const title = 'What Hangar cannot show here';
  const cannot = (
    <>
      Hangar lists your codespaces here, with the repository’s dev containers and machine types, but not the repository itself: its
      description, branches and pull requests, and, if you administer it, its Codespaces secrets.
    </>
  );
  if (privateRepositories && consent) {
    return (
      <PrivateRepositoriesNotice title={title} consent={consent}>
        <p>
          {repo} is private, and you signed in to Hangar without GitHub’s <RepoScope /> scope. GitHub shows an app’s private repositories
          only with that scope; your codespaces need only the{' '}
          <code className="rounded bg-zinc-100 px-1 font-mono dark:bg-zinc-800">codespace</code> scope. {cannot}
        </p>
      </PrivateRepositoriesNotice>
    );
  }
  // A GitHub App's token (or a fine-grained one): no scope to ask for; its installations and permissions decide.
  return (
    <section
      aria-label={title}
      className="flex gap-2 rounded-xl border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300"
    >
      <EyeOff aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500" />
      <div>
        <h2 className="font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
        <p>
          GitHub lists your codespaces in {repo} but does not show Hangar the repository itself: the access you signed in with does not
          reach it (a GitHub App reads only the repositories it is installed on). {cannot}
        </p>
      </div>
    </section>
  );
}

function Section({
  id,
  title,
  count,
  action,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <div className="flex items-end justify-between gap-3">
        <h2 id={id} className="text-base font-semibold">
          {title}
          {count !== undefined && <span className="font-normal text-zinc-500 dark:text-zinc-400"> ({count})</span>}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** What the repository offers a new codespace: loading, GitHub's refusal, nothing, or the list. */
function Offered<T>({ loaded, none, children }: { loaded: Loaded<T[]>; none: string; children: (list: T[]) => ReactNode }) {
  const box = 'rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900';
  if (loaded.loading)
    return <div aria-busy="true" aria-label="Loading" className={`${box} h-24 animate-pulse motion-reduce:animate-none`} />;
  if (loaded.error && !loaded.data) return <ErrorAlert error={loaded.error} fallbackTitle="Could not load this" />;
  if (!loaded.data?.length) return <p className={`${box} px-4 py-3 text-sm text-zinc-600 dark:text-zinc-400`}>{none}</p>;
  return <div className={`${box} overflow-x-auto`}>{children(loaded.data)}</div>;
}

/** A repository's secrets have no repositories to choose: every codespace made from it gets them. */
const NO_CHOICE = () => ({ data: undefined, loading: false, error: null });

function RepositorySecrets({ repo, secrets, now, onNewSecret, onEditSecret, onDeleteSecret, onRetrySecrets }: RepositoryViewProps) {
  if (secrets.kind === 'unknown') return null;
  if (secrets.kind === 'not-admin') {
    return (
      <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        <Lock aria-hidden className="size-4" /> Only administrators of {repo} manage its Codespaces secrets.
      </p>
    );
  }
  const title = 'Codespaces secrets of this repository';
  if (secrets.kind === 'consent') {
    return (
      <Section id="repo-secrets" title={title}>
        <div className="flex flex-col items-start gap-3 rounded-xl border border-zinc-200 bg-white px-4 py-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <p className="flex gap-2 text-zinc-700 dark:text-zinc-300">
            <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-sky-700 dark:text-sky-400" />
            <span>
              You administer {repo}. GitHub lets an app manage a repository’s Codespaces secrets only with the <RepoScope /> scope, which
              also grants full access to your private repositories, so Hangar asks for it only here, when you want it. You can revoke it any
              time in your GitHub settings under Applications.
            </span>
          </p>
          <RepoScopeControl consent={secrets.consent} />
        </div>
      </Section>
    );
  }
  return (
    <SecretsSection
      scope={{ kind: 'repository', repo }}
      secrets={secrets}
      repositoriesOf={NO_CHOICE}
      app={secrets.app}
      now={now}
      onNew={onNewSecret}
      onEdit={onEditSecret}
      onDelete={onDeleteSecret}
      onRetry={onRetrySecrets}
    />
  );
}
