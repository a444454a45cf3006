// Which OAuth scopes a token lacks for Hangar, and what to tell its owner, in words. Plain
// JavaScript: `npm start` (scripts/runtime-env.mjs) says it before the server starts, and the
// page (local mode) says the same.

/** GitHub's scope hierarchy, the parts that matter here: a scope grants those listed under it. */
const IMPLIED = {
  user: ['read:user', 'user:email', 'user:follow'],
  'admin:org': ['write:org', 'read:org', 'manage_runners:org'],
  'write:org': ['read:org'],
};

/** What Hangar needs a local-mode token to have. */
export const LOCAL_REQUIRED_SCOPES = ['codespace'];

const WHY = {
  codespace: 'to list, start, stop and create your codespaces',
  'admin:org': 'to show an organisation’s codespaces to its owners',
  repo: 'to read your private repositories: their details, branches, pull requests and Codespaces secrets',
};

/** GitHub's `X-OAuth-Scopes` (comma-separated), as a list. */
export function parseScopeHeader(header) {
  return (header ?? '')
    .split(/[\s,]+/)
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/** The scopes of `required` that `granted` neither holds nor implies. */
export function missingScopes(granted, required = LOCAL_REQUIRED_SCOPES) {
  const held = new Set(granted);
  for (const scope of granted) for (const implied of IMPLIED[scope] ?? []) held.add(implied);
  return required.filter((scope) => !held.has(scope));
}

/**
 * What to say about missing scopes, and the command that adds them (`gh auth refresh`, for the
 * GitHub host Hangar talks to). Null when nothing is missing.
 */
export function missingScopesAdvice(missing, webUrl = 'https://github.com') {
  if (missing.length === 0) return null;
  const host = new URL(webUrl).host;
  const named = missing.map((scope) => `${scope} (${WHY[scope] ?? 'which Hangar asks for'})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return {
    message: `This GitHub token lacks the ${missing.length === 1 ? 'scope' : 'scopes'} ${list}.`,
    command: `gh auth refresh -h ${host} -s ${missing.join(',')}`,
    then: 'Then start Hangar again with HANGAR_GITHUB_TOKEN=$(gh auth token) npm start.',
  };
}
