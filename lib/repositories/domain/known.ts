/**
 * The repositories Hangar knows of for a user: those GitHub lists (`/user/repos`, an
 * organisation's `/orgs/{org}/repos`), and those the user's codespaces carry. The second matters
 * when GitHub lists only public repositories (an OAuth App's token without the `repo` scope): a
 * private repository the user has codespaces in is still one they can create codespaces in and
 * give secrets to.
 */
import { REPOSITORY_FULL_NAME } from '@/lib/github/names';

export interface KnownRepository {
  id: number | bigint;
  full_name: string;
  /** Unknown for a repository only seen through a codespace (GitHub's summary does not say). */
  private?: boolean;
}

const key = (fullName: string) => fullName.toLowerCase();

/**
 * One list without repeats: GitHub's list in its order, then the codespaces' repositories in the
 * order the codespaces come, then `extra` (a repository already chosen somewhere, like a secret's).
 * `owner` keeps only that account's repositories (an organisation's picker).
 */
export function knownRepositories(
  listed: readonly KnownRepository[] | undefined,
  codespaces: readonly { repository: { id: number | bigint; full_name: string } }[] | undefined,
  { owner, extra = [] }: { owner?: string; extra?: readonly KnownRepository[] } = {},
): KnownRepository[] {
  const seen = new Map<string, KnownRepository>();
  const add = (repo: KnownRepository) => {
    if (owner && key(repo.full_name.split('/')[0] ?? '') !== key(owner)) return;
    if (!seen.has(key(repo.full_name))) seen.set(key(repo.full_name), repo);
  };
  for (const repo of listed ?? []) add({ id: repo.id, full_name: repo.full_name, private: repo.private });
  for (const { repository } of codespaces ?? []) add({ id: repository.id, full_name: repository.full_name });
  for (const repo of extra) add({ id: repo.id, full_name: repo.full_name, private: repo.private });
  return [...seen.values()];
}

/** `owner/repo` as a user types it (or pastes a repository's address), or null when it is not one. */
export function parseRepositoryName(input: string): string | null {
  const name = input
    .trim()
    .replace(/^https?:\/\/[^/\s]+\//, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  if (!REPOSITORY_FULL_NAME.test(name) || name.endsWith('/.') || name.endsWith('/..')) return null;
  return name;
}
