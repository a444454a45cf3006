/** Hangar's page for a repository: `/repos/<owner>/<repo>`, each part encoded on its own. */
export function repositoryPath(fullName: string): string {
  const [owner = '', repo = ''] = fullName.split('/');
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}
