import { INCREMENTAL_SCOPES, OAUTH_SCOPES } from './scopes';

/**
 * next-auth v4 copies every query parameter of `POST /api/auth/signin/github` into GitHub's
 * authorize URL, over its own: `?redirect_uri=` would send the user's code elsewhere, `?scope=`
 * would ask for anything. Only Hangar's own sign-in scopes, or those plus the incremental ones
 * (`admin:org` for organisation pages, `repo` for a repository's secrets, or both), may be asked
 * for, and nothing else. Pure, so the rule is unit tested.
 */

const normalise = (scopes: string) =>
  scopes
    .split(/[\s,]+/)
    .filter(Boolean)
    .sort()
    .join(' ');

/** Hangar's own scopes with every subset of the incremental ones. */
const ALLOWED_SCOPES = INCREMENTAL_SCOPES.reduce<string[]>(
  (sets, scope) => [...sets, ...sets.map((set) => `${set} ${scope}`)],
  [OAUTH_SCOPES],
).map(normalise);

export type SignInQueryCheck = { ok: true } | { ok: false; message: string };

export function checkSignInQuery(query: URLSearchParams): SignInQueryCheck {
  const names = [...new Set(query.keys())];
  const unknown = names.filter((name) => name !== 'scope');
  if (unknown.length) return { ok: false, message: `Sign-in takes no parameter ${unknown.map((n) => `"${n}"`).join(', ')}` };
  const scopes = query.getAll('scope');
  if (scopes.length === 0) return { ok: true };
  const asked = scopes.length === 1 ? normalise(scopes[0]!) : null;
  if (asked === null || !ALLOWED_SCOPES.includes(asked)) {
    return {
      ok: false,
      message: `Sign-in asks GitHub for "${OAUTH_SCOPES}", or that with "admin:org", "repo" or both; nothing else`,
    };
  }
  return { ok: true };
}
