/**
 * Every rule the emulator enforces, each with where GitHub (or the HTTP standard) says so. The
 * emulator holds GitHub's documented rules, not what Hangar would like them to be: a rule goes in
 * here with its source, and a test case names it (`caseOf('<id>')`, emulator/test-helpers.ts).
 * emulator/rules.test.ts fails for a row no case names, a case that names no row, and a source
 * that is neither a docs.github.com page nor an RFC section.
 *
 * To add a rule: append a row (a new `id`, area first), enforce it in the file(s) `enforcedIn`
 * names, and write its case in any emulator test file, its first line `caseOf('<id>');`.
 */

export interface Rule {
  /** Names the rule in test cases (`caseOf('<id>')`): `<area>.<what>`, lower-case words joined by hyphens. */
  readonly id: string;
  /** What the emulator does, in GitHub's terms. */
  readonly rule: string;
  /** Where it is written: docs.github.com pages (`https://docs.github.com/en/…`) or RFC sections (`RFC 9110 §15.4.5`). */
  readonly sources: readonly string[];
  /** The emulator's files that enforce it. */
  readonly enforcedIn: readonly string[];
}

const DOCS = 'https://docs.github.com/en';
const REST = `${DOCS}/rest`;
const CONDITIONAL = `${REST}/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate`;
const RATE_LIMITS = `${REST}/using-the-rest-api/rate-limits-for-the-rest-api`;
const TROUBLESHOOTING = `${REST}/using-the-rest-api/troubleshooting-the-rest-api`;
const AUTHENTICATING = `${REST}/authentication/authenticating-to-the-rest-api`;
const SCOPES = `${DOCS}/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps`;
const AUTHORIZING = `${DOCS}/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps`;
const TOKEN_ERRORS = `${DOCS}/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors`;
const REFRESHING = `${DOCS}/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens`;
const CODESPACES = `${REST}/codespaces/codespaces`;
const ORG_CODESPACES = `${REST}/codespaces/organizations`;

export const RULES = [
  // ---------- conditional requests ----------
  {
    id: 'conditional.etag',
    rule: 'Every 200 to a GET carries a weak ETag computed over its body, and Cache-Control: the same body, the same ETag.',
    sources: [CONDITIONAL, 'RFC 9110 §8.8.3'],
    enforcedIn: ['dispatch.ts', 'http.ts'],
  },
  {
    id: 'conditional.not-modified',
    rule: 'A GET whose If-None-Match matches the current ETag (weak comparison, a list or *) is answered 304 without a body; once the resource changes, the old ETag gets a full 200.',
    sources: ['RFC 9110 §13.1.2', 'RFC 9110 §15.4.5'],
    enforcedIn: ['dispatch.ts', 'http.ts'],
  },
  {
    id: 'conditional.free-304',
    rule: 'A 304 to an authorized conditional request does not count against the primary rate limit.',
    sources: [CONDITIONAL],
    enforcedIn: ['dispatch.ts'],
  },
  {
    id: 'conditional.304-fields',
    rule: 'A 304 carries only what a 200 would have sent to guide caches (ETag, Cache-Control, Date, Vary), with the rate-limit figures and request id GitHub sends on every answer: never Link, X-GitHub-SSO, the scope headers or a content type, which a client keeps from the 200 it stored.',
    sources: ['RFC 9110 §15.4.5', 'RFC 9111 §4.3.4'],
    enforcedIn: ['dispatch.ts'],
  },
  {
    id: 'http.gzip',
    rule: 'Over HTTP, answers of 1 KB and more are gzipped for a client whose Accept-Encoding allows gzip (q above zero), and sent as they are otherwise.',
    sources: ['RFC 9110 §12.5.3'],
    enforcedIn: ['node-server.ts'],
  },

  // ---------- authentication and OAuth scopes ----------
  {
    id: 'auth.token',
    rule: 'No token answers 401 "Requires authentication"; a token GitHub never issued, revoked or expired answers 401 "Bad credentials". "token" and "Bearer" both introduce it.',
    sources: [AUTHENTICATING, TROUBLESHOOTING],
    enforcedIn: ['dispatch.ts', 'tokens.ts'],
  },
  {
    id: 'scopes.headers',
    rule: 'An OAuth token’s answers say the scopes it has (X-OAuth-Scopes) and those the endpoint accepts (X-Accepted-OAuth-Scopes), a broader scope satisfying its narrower one.',
    sources: [SCOPES],
    enforcedIn: ['dispatch.ts', 'api.ts'],
  },
  {
    id: 'scopes.codespace',
    rule: 'The codespaces of the user and of a repository need the codespace scope: 403 without it.',
    sources: [CODESPACES, SCOPES],
    enforcedIn: ['dispatch.ts', 'rest.ts'],
  },
  {
    id: 'scopes.admin-org',
    rule: 'An organisation’s codespaces, secrets, Codespaces access and billing usage need the admin:org scope: 403 without it.',
    sources: [ORG_CODESPACES, `${REST}/codespaces/organization-secrets`, `${REST}/billing/usage`],
    enforcedIn: ['dispatch.ts', 'orgs.ts', 'secrets.ts', 'access.ts', 'billing.ts'],
  },
  {
    id: 'scopes.user-secrets',
    rule: 'The user’s Codespaces secrets take a token with codespace or codespace:secrets.',
    sources: [`${REST}/codespaces/secrets`],
    enforcedIn: ['secrets.ts', 'api.ts'],
  },
  {
    id: 'scopes.repo-secrets',
    rule: 'A repository’s Codespaces secrets need the repo scope (its public key too, for a private repository).',
    sources: [`${REST}/codespaces/repository-secrets`],
    enforcedIn: ['secrets.ts'],
  },
  {
    id: 'scopes.user-email',
    rule: 'GET /user/emails without the user:email (or user) scope answers 404, as GitHub answers for what a token may not see.',
    sources: [`${REST}/users/emails`, TROUBLESHOOTING],
    enforcedIn: ['dispatch.ts'],
  },

  // ---------- GitHub App user tokens ----------
  {
    id: 'app-token.permissions',
    rule: 'A GitHub App’s user token has the app’s permissions, not scopes: no scope headers, and 403 "Resource not accessible by integration" outside them.',
    sources: [TROUBLESHOOTING],
    enforcedIn: ['dispatch.ts', 'oauth.ts'],
  },
  {
    id: 'app-token.expiry',
    rule: 'A GitHub App’s user token (ghu_) expires, 8 hours by default, with a refresh token (ghr_) for 6 months; an expired token answers 401.',
    sources: [REFRESHING],
    enforcedIn: ['tokens.ts', 'oauth.ts', 'state.ts'],
  },
  {
    id: 'app-token.refresh-once',
    rule: 'A refresh token is spent once: it gives a new pair and the old access token stops working; spent, expired, unknown or another app’s, it answers bad_refresh_token.',
    sources: [REFRESHING, `${TOKEN_ERRORS}#bad-refresh-token`],
    enforcedIn: ['tokens.ts', 'oauth.ts'],
  },

  // ---------- the OAuth web flow ----------
  {
    id: 'oauth.code',
    rule: 'An authorization code is exchanged once, within 10 minutes, by the app it was issued to: otherwise bad_verification_code.',
    sources: [AUTHORIZING, `${TOKEN_ERRORS}#bad-verification-code`],
    enforcedIn: ['oauth.ts', 'tokens.ts'],
  },
  {
    id: 'oauth.client-credentials',
    rule: 'The code exchange needs the app’s client id and secret (form, JSON or HTTP Basic): otherwise incorrect_client_credentials.',
    sources: [`${TOKEN_ERRORS}#incorrect-client-credentials`],
    enforcedIn: ['oauth.ts'],
  },
  {
    id: 'oauth.redirect-uri',
    rule: 'A redirect_uri given in the exchange must be the one the code was issued for: otherwise redirect_uri_mismatch.',
    sources: [`${TOKEN_ERRORS}#redirect-uri-mismatch`],
    enforcedIn: ['oauth.ts'],
  },
  {
    id: 'oauth.pkce',
    rule: 'A code issued with a code_challenge (S256) is exchanged only with the matching code_verifier.',
    sources: [AUTHORIZING],
    enforcedIn: ['oauth.ts'],
  },
  {
    id: 'oauth.revoke',
    rule: 'DELETE /applications/{client_id}/token, with the app’s own credentials (HTTP Basic), revokes one token (204); the token, and a refresh token issued with it, stop working.',
    sources: [`${REST}/apps/oauth-applications#delete-an-app-token`],
    enforcedIn: ['applications.ts', 'tokens.ts'],
  },

  // ---------- rate limits and pagination ----------
  {
    id: 'rate-limit.headers',
    rule: 'Every authenticated answer carries x-ratelimit-limit, -remaining, -used, -reset and -resource for the user’s hourly window.',
    sources: [`${RATE_LIMITS}#checking-the-status-of-your-rate-limit`],
    enforcedIn: ['rate-limits.ts', 'dispatch.ts'],
  },
  {
    id: 'rate-limit.primary',
    rule: 'Past the user’s hourly limit, requests answer 403 "API rate limit exceeded for user ID …" with x-ratelimit-remaining: 0 until the window resets; each user has their own.',
    sources: [`${RATE_LIMITS}#exceeding-the-rate-limit`],
    enforcedIn: ['rate-limits.ts', 'dispatch.ts'],
  },
  {
    id: 'pagination.link',
    rule: 'Lists page by per_page (default 30, at most 100) and page, with a Link header of absolute URLs: next and last, prev and first where they apply, none on a single page.',
    sources: [`${REST}/using-the-rest-api/using-pagination-in-the-rest-api`],
    enforcedIn: ['http.ts'],
  },

  // ---------- what organisations keep out ----------
  {
    id: 'sso.required',
    rule: 'A resource of an organisation that enforces SAML single sign-on, for a token not authorized for it, answers 403 with X-GitHub-SSO: required; url=<a one-off authorization URL on the web host>.',
    sources: [AUTHENTICATING],
    enforcedIn: ['refusals.ts'],
  },
  {
    id: 'sso.partial-results',
    rule: 'A list leaves out what belongs to such an organisation and says so in X-GitHub-SSO: partial-results; organizations=<ids>.',
    sources: [AUTHENTICATING],
    enforcedIn: ['refusals.ts', 'rest.ts'],
  },
  {
    id: 'oauth-restrictions.refused',
    rule: 'An organisation with OAuth App access restrictions that has not approved the app refuses its resources (403, GitHub’s message naming the organisation) and lists leave them out without a word.',
    sources: [`${DOCS}/organizations/managing-oauth-access-to-your-organizations-data/about-oauth-app-access-restrictions`],
    enforcedIn: ['refusals.ts', 'rest.ts'],
  },
  {
    id: 'permissions.accepted',
    rule: 'An operation that needs a fine-grained permission the token lacks answers 403 naming it in X-Accepted-GitHub-Permissions.',
    sources: [`${TROUBLESHOOTING}#insufficient-permission-errors`],
    enforcedIn: ['refusals.ts'],
  },

  // ---------- codespaces ----------
  {
    id: 'codespace.owner',
    rule: 'A user sees and acts on their own codespaces only: another user’s answers 404, not 403.',
    sources: [CODESPACES, TROUBLESHOOTING],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'codespace.start',
    rule: 'Start moves a stopped codespace through Starting to Available; one already running is answered as it is; one in a state that cannot start answers 409.',
    sources: [`${CODESPACES}#start-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts', 'state.ts'],
  },
  {
    id: 'codespace.stop',
    rule: 'Stop moves a running codespace through ShuttingDown to Shutdown; stopping one that is not running changes nothing (200).',
    sources: [`${CODESPACES}#stop-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts', 'state.ts'],
  },
  {
    id: 'codespace.delete',
    rule: 'Delete answers 202 Accepted, after which the codespace is gone (404).',
    sources: [`${CODESPACES}#delete-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'codespace.export',
    rule: 'An export runs from Available or Shutdown (202, then succeeded with its branch); from any other state it answers 422.',
    sources: [`${CODESPACES}#export-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts', 'state.ts'],
  },
  {
    id: 'codespace.create',
    rule: 'Create validates its body as GitHub describes it (permitted keys, a ref the repository has, a machine it allows: 400 otherwise) and answers 201, or 202 while a region keeps trying.',
    sources: [`${CODESPACES}#create-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'codespace.rename',
    rule: 'PATCH takes display_name (1 to 48 characters) and a machine the codespace may move to, applied at its next start; anything else answers 422.',
    sources: [`${CODESPACES}#update-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'codespace.newer-state',
    rule: 'A codespace in a state newer than the description is answered as GitHub wrote it; Start and Export, which assume a state, refuse it (409, 422) as for a state that does not allow them (GitHub documents the statuses, not the states to come).',
    sources: [`${CODESPACES}#start-a-codespace-for-the-authenticated-user`, `${CODESPACES}#export-a-codespace-for-the-authenticated-user`],
    enforcedIn: ['future.ts'],
  },

  // ---------- organisations ----------
  {
    id: 'org.owner',
    rule: 'An organisation’s codespaces, secrets and Codespaces access are for its owners: a member who is not one gets 403 "Must be an organization owner.", someone outside it 404.',
    sources: [ORG_CODESPACES, `${REST}/codespaces/organization-secrets`],
    enforcedIn: ['orgs.ts', 'permissions.ts'],
  },
  {
    id: 'org.codespaces-access',
    rule: 'Codespaces access is one of disabled, selected_members, all_members, all_members_and_outside_collaborators; selected_usernames only with selected_members (at most 100, members only: 400 otherwise).',
    sources: [`${ORG_CODESPACES}#manage-access-control-for-organization-codespaces`],
    enforcedIn: ['access.ts'],
  },

  // ---------- secrets ----------
  {
    id: 'secrets.sealed',
    rule: 'A secret’s value arrives sealed (libsodium sealed box) with the public key of its place and that key’s key_id; a value that does not open, or a stale key id, answers 422 and changes nothing.',
    sources: [`${REST}/guides/encrypting-secrets-for-the-rest-api`],
    enforcedIn: ['secrets.ts', 'sealed-box.ts'],
  },
  {
    id: 'secrets.limits',
    rule: 'At most 100 Codespaces secrets a place, each value at most 48 KB.',
    sources: [
      `${DOCS}/codespaces/managing-your-codespaces/managing-your-account-specific-secrets-for-github-codespaces#limits-for-secrets`,
    ],
    enforcedIn: ['secrets.ts'],
  },
  {
    id: 'secrets.repo-admin',
    rule: 'A repository’s Codespaces secrets are for those who administer it: 403 "Must have admin rights to Repository." for others, 404 for a repository they cannot see.',
    sources: [`${REST}/codespaces/repository-secrets`],
    enforcedIn: ['secrets.ts', 'permissions.ts'],
  },
  {
    id: 'secrets.org-visibility',
    rule: 'An organisation secret is visible to all, private or selected repositories; repositories are named only for selected ones (422 otherwise, 409 to change them on another).',
    sources: [`${REST}/codespaces/organization-secrets`],
    enforcedIn: ['secrets.ts'],
  },

  // ---------- what an OAuth App's scopes hide ----------
  {
    id: 'scopes.no-repo-lists-public-only',
    rule: 'An OAuth App token without the repo scope lists public repositories only: GET /user/repos and GET /orgs/{org}/repos leave private ones out ("(no scope)" is "read-only access to public information"; repo "grants full access to public and private repositories").',
    sources: [`${SCOPES}#available-scopes`],
    enforcedIn: ['rest.ts', 'orgs.ts'],
  },
  {
    id: 'scopes.no-repo-private-is-404',
    rule: 'To an OAuth App token without the repo scope, a private repository’s own endpoints (GET /repos/{owner}/{repo}, its branches, its pull requests and each pull request) answer 404 Not Found, as for a repository that does not exist: GitHub does not confirm what it hides.',
    sources: [`${TROUBLESHOOTING}#404-not-found-for-an-existing-resource`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'scopes.codespace-covers-codespaces',
    rule: 'The Codespaces endpoints of a private repository work with the codespace scope alone: listing and creating the user’s codespaces (/repos/{owner}/{repo}/codespaces, /repos/{owner}/{repo}/pulls/{pull_number}/codespaces, POST /user/codespaces), its dev container configurations, machine types and defaults for a new codespace (each documented as needing the codespace scope).',
    sources: [`${CODESPACES}#create-a-codespace-in-a-repository`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'scopes.app-token-not-scoped',
    rule: 'A GitHub App’s user token (ghu_) has no OAuth scopes: the app’s permissions and the repositories it is installed on decide what it reads, so a missing repo scope hides nothing from it.',
    sources: [`${DOCS}/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-with-a-github-app-on-behalf-of-a-user`],
    enforcedIn: ['rest.ts'],
  },
  {
    id: 'codespace.create-geo',
    rule: 'Creating a codespace takes geo (EuropeWest, SoutheastAsia, UsEast or UsWest), which replaces location ("closing down"); any other geo is refused with 400.',
    sources: [`${CODESPACES}#create-a-codespace-in-a-repository`],
    enforcedIn: ['rest.ts'],
  },

  // ---------- Hangar's own GitHub App: JWTs and installation tokens ----------
  {
    id: 'app-jwt.claims',
    rule: 'A GitHub App authenticates as itself with a JWT signed RS256 by its private key and checked against the public key registered for it: iss is the app id (a number or a string), exp at most ten minutes after iat, iat not in the future beyond a little clock drift; anything else is refused with 401.',
    sources: [`${DOCS}/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app`],
    enforcedIn: ['installations.ts'],
  },
  {
    id: 'app-jwt.app-endpoints-only',
    rule: 'An app’s JWT reaches only the app’s own endpoints (its installations, their access tokens), not the REST API at large.',
    sources: [`${DOCS}/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app`],
    enforcedIn: ['installations.ts', 'dispatch.ts'],
  },
  {
    id: 'app.org-installation',
    rule: 'GET /orgs/{org}/installation finds the app’s installation on an organisation; 404 where the app is not installed.',
    sources: [`${REST}/apps/apps#get-an-organization-installation-for-the-authenticated-app`],
    enforcedIn: ['installations.ts'],
  },
  {
    id: 'installation-token.issue',
    rule: 'POST /app/installations/{installation_id}/access_tokens gives a ghs_ token that lasts one hour, with the installation’s permissions; it may be narrowed to fewer permissions, never widened (422), and only for the app’s own installations.',
    sources: [`${REST}/apps/apps#create-an-installation-access-token-for-an-app`],
    enforcedIn: ['installations.ts'],
  },
  {
    id: 'installation-token.org-codespaces',
    rule: 'An installation token lists, stops and deletes its organisation’s members’ codespaces, as its permissions allow (Organization codespaces; Codespaces lifecycle admin for stop), and nothing of another organisation.',
    sources: [ORG_CODESPACES],
    enforcedIn: ['orgs.ts', 'permissions.ts'],
  },
  {
    id: 'installation-token.no-user',
    rule: 'An installation token acts for no person: every /user/… endpoint answers 403 "Resource not accessible by integration", so it cannot start or export anyone’s codespace.',
    sources: [`${DOCS}/apps/creating-github-apps/authenticating-with-a-github-app/authenticating-as-a-github-app-installation`],
    enforcedIn: ['dispatch.ts'],
  },
  {
    id: 'installation-token.conditional',
    rule: 'Conditional requests work for installation tokens as for users: an unchanged list is a 304, without OAuth scope headers.',
    sources: [CONDITIONAL],
    enforcedIn: ['dispatch.ts'],
  },

  // ---------- billing ----------
  {
    id: 'billing.usage',
    rule: 'Billing usage reports: an organisation’s for its owners, a person’s for themselves only (403 for anyone else), 404 for an account not on the current billing platform.',
    sources: [`${REST}/billing/usage`],
    enforcedIn: ['billing.ts'],
  },
] as const satisfies readonly Rule[];

/** A rule's id, as test cases name it. */
export type RuleId = (typeof RULES)[number]['id'];
