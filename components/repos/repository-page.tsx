'use client';

import { useQuery } from '@tanstack/react-query';
import { useBulkActions } from '@/components/codespaces/use-bulk-actions';
import { usePowerActions } from '@/components/codespaces/use-power-actions';
import { useGithubWeb } from '@/components/github/github-web';
import { useRepoScopeConsent } from '@/components/github/repo-scope-consent';
import { SessionEnded } from '@/components/layout/session-ended';
import { useSecretsSection } from '@/components/secrets/use-secrets-section';
import { privateRepositoriesHidden, type ScopeAccess } from '@/lib/auth/scopes';
import { listDevcontainersQuery, listMyCodespacesInRepositoryQuery, listRepositoryMachinesQuery } from '@/lib/codespaces/queries';
import { NO_CODESPACES } from '@/lib/codespaces/domain/types';
import { useMinuteClock } from '@/lib/hooks/use-minute-clock';
import { loaded } from '@/components/ui/loaded';
import { answerOf, repositoryStanding } from '@/lib/repositories/domain/standing';
import { getRepositoryQuery } from '@/lib/repositories/queries';
import { endsSession } from '@/lib/transport/api-error';
import { useMyMonthCosts } from '@/lib/usage/use-month-costs';
import { RepositoryView, type RepositorySecretsSection } from './repository-view';

/**
 * A repository's page: the user's codespaces in it, what it offers, and its secrets for its
 * administrators. Where GitHub hides a private repository from the token (an OAuth App without the
 * `repo` scope), its codespaces still show, with what cannot and why.
 */
export function RepositoryPage({ repo, repoAccess, login }: { repo: string; repoAccess: ScopeAccess; login: string }) {
  const now = useMinuteClock();
  const { webUrl } = useGithubWeb();
  const repository = useQuery(getRepositoryQuery(repo));
  const codespaces = useQuery(listMyCodespacesInRepositoryQuery(repo));
  const devcontainers = useQuery(listDevcontainersQuery(repo));
  const machines = useQuery(listRepositoryMachinesQuery(repo, '', ''));
  const consent = useRepoScopeConsent(repoAccess);
  const standing = repositoryStanding(answerOf(repository), answerOf(codespaces));
  const admin = repository.data?.permissions?.admin === true;
  const mayList = admin && (repoAccess.kind === 'granted' || repoAccess.kind === 'app');
  const { section, dialogs } = useSecretsSection({ kind: 'repository', repo }, { enabled: mayList, repoAccess, now });
  const list = codespaces.data ?? NO_CODESPACES;
  const bulk = useBulkActions(list, list);
  const monthCosts = useMyMonthCosts(codespaces.data, login);
  const { onPower, pendingNames } = usePowerActions();

  const secretsSection: RepositorySecretsSection = !repository.data
    ? { kind: 'unknown' }
    : !admin
      ? { kind: 'not-admin' }
      : consent
        ? { kind: 'consent', consent }
        : { kind: 'list', app: repoAccess.kind === 'app', ...section.secrets };

  if (endsSession(repository.error)) return <SessionEnded />;

  return (
    <>
      <RepositoryView
        repo={repo}
        standing={standing}
        hidden={{ privateRepositories: privateRepositoriesHidden(repoAccess), consent }}
        githubUrl={webUrl ? `${webUrl}/${repo}` : null}
        repository={loaded(repository)}
        codespaces={loaded(codespaces)}
        devcontainers={loaded(devcontainers)}
        machines={loaded(machines)}
        secrets={secretsSection}
        now={now}
        costs={monthCosts.costs}
        costsPending={monthCosts.reportPending}
        githubWebUrl={webUrl}
        {...bulk.listProps}
        onPower={onPower}
        pendingNames={pendingNames}
        onNewSecret={section.onNew}
        onEditSecret={section.onEdit}
        onDeleteSecret={section.onDelete}
        onRetrySecrets={section.onRetry}
        onRetry={() => repository.refetch()}
      />
      {bulk.dialog}
      {dialogs}
    </>
  );
}
