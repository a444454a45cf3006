import { missingScopesAdvice } from './scope-check.mjs';

/** The OAuth scopes Hangar asks GitHub for: shared by the server's sign-in and the page's consent screens. */

/** `codespace` to manage codespaces (and the user's Codespaces secrets); the rest to show who is signed in. */
export const OAUTH_SCOPES = 'codespace read:user user:email';
/** Asked for only when a user opens an organisation's pages: GitHub requires it to read org codespaces and settings. */
export const ORG_ADMIN_SCOPE = 'admin:org';
/**
 * Asked for only when a page needs a private repository beyond its codespaces (its details,
 * branches, pull requests, Codespaces secrets): an OAuth App's token sees none of that without
 * this broad scope (full control of private repositories), and GitHub has no narrower one.
 */
export const REPO_SCOPE = 'repo';
/** The scopes that may be added to Hangar's own, one consent at a time. */
export const INCREMENTAL_SCOPES = [ORG_ADMIN_SCOPE, REPO_SCOPE] as const;
export type IncrementalScope = (typeof INCREMENTAL_SCOPES)[number];

/**
 * What to ask GitHub for when `wanted` is needed: Hangar's own scopes, `wanted`, and whichever
 * incremental scopes the session already has. GitHub issues the new token with the scopes asked
 * for, so leaving a granted one out would take it away.
 */
export function consentScopes(granted: readonly string[], wanted: IncrementalScope): string {
  const extra = INCREMENTAL_SCOPES.filter((scope) => scope === wanted || granted.includes(scope));
  return [OAUTH_SCOPES, ...extra].join(' ');
}

/**
 * Whether the session may do what `scope` allows, as far as Hangar can tell: where OAuth scopes
 * do not apply (a GitHub App's token, whose permissions are the app's), GitHub decides.
 */
export function hasScope(session: { scopes: string[]; scopesApply: boolean }, scope: string): boolean {
  return !session.scopesApply || session.scopes.includes(scope);
}

/**
 * Whether a page may use what an incremental scope allows: granted; a GitHub App's token (its
 * permissions decide, and a refusal names the missing one); or not yet, with what to ask for.
 */
export type ScopeAccess =
  | { kind: 'granted' }
  | { kind: 'app' }
  | { kind: 'consent'; scopes: string }
  | { kind: 'local'; advice: { message: string; command: string; then: string } };

/**
 * What a page may expect of `scope`: granted; a token scopes do not govern (a GitHub App's, whose
 * permissions and installations decide, or a fine-grained token), where asking cannot help; or
 * missing, with the consent to ask for (an OAuth App) or, in local mode, the command that adds it
 * to the user's own token (Hangar cannot ask GitHub for more there).
 */
export function scopeAccess(
  session: { scopes: readonly string[]; scopesApply: boolean },
  scope: IncrementalScope,
  mode: { local: boolean; webUrl: string },
): ScopeAccess {
  if (!session.scopesApply) return { kind: 'app' };
  if (session.scopes.includes(scope)) return { kind: 'granted' };
  const advice = mode.local ? missingScopesAdvice([scope], mode.webUrl) : null;
  return advice ? { kind: 'local', advice } : { kind: 'consent', scopes: consentScopes(session.scopes, scope) };
}

/** Whether GitHub hides private repositories outside the Codespaces endpoints from this session (its token lacks `repo`). */
export function privateRepositoriesHidden(access: ScopeAccess): access is Extract<ScopeAccess, { kind: 'consent' | 'local' }> {
  return access.kind === 'consent' || access.kind === 'local';
}
