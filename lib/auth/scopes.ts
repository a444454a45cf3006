/** The OAuth scopes Hangar asks GitHub for: shared by the server's sign-in and the page's consent screen. */

/** `codespace` to manage codespaces; the rest to show who is signed in. */
export const OAUTH_SCOPES = 'codespace read:user user:email';
/** Asked for only when a user opens an organisation's view: GitHub requires it to read org codespaces. */
export const ORG_ADMIN_SCOPE = 'admin:org';
/** The sign-in scopes with admin:org added (incremental consent). */
export const SCOPES_WITH_ORG_ADMIN = `${OAUTH_SCOPES} ${ORG_ADMIN_SCOPE}`;

/**
 * Whether the session may do what `scope` allows, as far as Hangar can tell: where OAuth scopes
 * do not apply (a GitHub App's token, whose permissions are the app's), GitHub decides.
 */
export function hasScope(session: { scopes: string[]; scopesApply: boolean }, scope: string): boolean {
  return !session.scopesApply || session.scopes.includes(scope);
}
