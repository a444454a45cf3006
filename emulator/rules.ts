/**
 * The rules the emulator follows where GitHub documents them, one row each: an id the tests name,
 * the rule in words, and where GitHub says so. Each section's test file ties every row of it to at
 * least one case (and fails on a row without one), so a rule is never only written down.
 */
export interface EmulatorRule {
  id: string;
  rule: string;
  source: string;
}

// ---------- What an OAuth App's scopes hide (tested in oauth-scopes.test.ts) ----------

const OAUTH_SCOPES_DOCS = 'https://docs.github.com/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps#available-scopes';

export const OAUTH_SCOPE_RULES: readonly EmulatorRule[] = [
  {
    id: 'oauth-no-repo-lists-public-only',
    rule:
      'An OAuth App token without the repo scope lists public repositories only: GET /user/repos and GET /orgs/{org}/repos ' +
      'leave private ones out ("(no scope)" is "read-only access to public information"; repo "grants full access to public and private repositories").',
    source: OAUTH_SCOPES_DOCS,
  },
  {
    id: 'oauth-no-repo-private-is-404',
    rule:
      'To an OAuth App token without the repo scope, a private repository’s own endpoints (GET /repos/{owner}/{repo}, its branches, its ' +
      'pull requests and each pull request) answer 404 Not Found, as for a repository that does not exist: GitHub does not confirm what it hides.',
    source: 'https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource',
  },
  {
    id: 'oauth-codespace-scope-covers-codespaces',
    rule:
      'The Codespaces endpoints of a private repository work with the codespace scope alone: listing and creating the user’s codespaces ' +
      '(/repos/{owner}/{repo}/codespaces, /repos/{owner}/{repo}/pulls/{pull_number}/codespaces, POST /user/codespaces), its dev container ' +
      'configurations, machine types and defaults for a new codespace (each documented as needing the codespace scope).',
    source: 'https://docs.github.com/rest/codespaces/codespaces#create-a-codespace-in-a-repository',
  },
  {
    id: 'app-token-not-scoped',
    rule:
      'A GitHub App’s user token (ghu_) has no OAuth scopes: the app’s permissions and the repositories it is installed on decide what it ' +
      'reads, so a missing repo scope hides nothing from it.',
    source:
      'https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-with-a-github-app-on-behalf-of-a-user',
  },
  {
    id: 'create-takes-geo',
    rule:
      'Creating a codespace takes geo (EuropeWest, SoutheastAsia, UsEast or UsWest), which replaces location ("closing down"); any other ' +
      'geo is refused with 400.',
    source: 'https://docs.github.com/rest/codespaces/codespaces#create-a-codespace-in-a-repository',
  },
];

/** Every section's rows. */
export const RULES: readonly EmulatorRule[] = [...OAUTH_SCOPE_RULES];
