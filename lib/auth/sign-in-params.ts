import { OAUTH_SCOPES, SCOPES_WITH_ORG_ADMIN } from './scopes';

/**
 * next-auth v4 copies every query parameter of `POST /api/auth/signin/github` into GitHub's
 * authorize URL, over its own: `?redirect_uri=` would send the user's code elsewhere, `?scope=`
 * would ask for anything. Only Hangar's own sign-in scopes, or those plus the incremental
 * `admin:org`, may be asked for, and nothing else. Pure, so the rule is unit tested.
 */

const ALLOWED_SCOPES = [OAUTH_SCOPES, SCOPES_WITH_ORG_ADMIN].map((scopes) => scopes.split(' ').sort().join(' '));

export type SignInQueryCheck = { ok: true } | { ok: false; message: string };

export function checkSignInQuery(query: URLSearchParams): SignInQueryCheck {
  const names = [...new Set(query.keys())];
  const unknown = names.filter((name) => name !== 'scope');
  if (unknown.length) return { ok: false, message: `Sign-in takes no parameter ${unknown.map((n) => `"${n}"`).join(', ')}` };
  const scopes = query.getAll('scope');
  if (scopes.length === 0) return { ok: true };
  const asked =
    scopes.length === 1
      ? scopes[0]!
          .split(/[\s,]+/)
          .filter(Boolean)
          .sort()
          .join(' ')
      : null;
  if (asked === null || !ALLOWED_SCOPES.includes(asked)) {
    return { ok: false, message: `Sign-in asks GitHub for "${OAUTH_SCOPES}", or that and "admin:org"; nothing else` };
  }
  return { ok: true };
}
