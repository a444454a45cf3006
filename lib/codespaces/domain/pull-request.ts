/**
 * The pull request a codespace was made from: GitHub's codespace object names it by its API URL
 * (`pulls_url`, `…/repos/{owner}/{repo}/pulls/{number}`, null when it was not made from one). Pure.
 */
export function pullRequestNumber(codespace: { pulls_url?: string | null }): number | null {
  const match = /\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/?$/.exec(codespace.pulls_url ?? '');
  return match ? Number(match[1]) : null;
}

/** Where that pull request is on GitHub's web host (`webUrl`, e.g. https://github.com). */
export function pullRequestWebUrl(webUrl: string, repository: string, number: number): string {
  return `${webUrl.replace(/\/+$/, '')}/${repository}/pull/${number}`;
}
