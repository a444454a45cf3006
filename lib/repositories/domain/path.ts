/** `owner/name` as GitHub's path parameters. */
export function repositoryParams(fullName: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = fullName.split('/');
  return { owner, repo };
}

/** Hangar's page for a repository: `/repos/<owner>/<repo>`, each part encoded on its own. */
export function repositoryPath(fullName: string): string {
  const { owner, repo } = repositoryParams(fullName);
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

/** Hangar's page for one member of an organisation: `/orgs/<org>/members/<login>`. */
export function memberPath(org: string, login: string): string {
  return `/orgs/${encodeURIComponent(org)}/members/${encodeURIComponent(login)}`;
}
