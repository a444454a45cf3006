/**
 * Refusals GitHub makes before an operation runs, whatever the operation:
 * - an organisation that enforces SAML single sign-on, for a member whose token is not authorized
 *   for it: its resources answer 403 with `X-GitHub-SSO: required; url=<where to authorize>`, and
 *   lists leave out what belongs to it, saying `X-GitHub-SSO: partial-results; organizations=<ids>`;
 * - an organisation with OAuth App access restrictions, which has not approved the app: its
 *   resources answer 403 with GitHub's message naming the organisation, and lists leave them out;
 * - a GitHub App token without a permission an operation needs: 403, "Resource not accessible by
 *   integration", with `X-Accepted-GitHub-Permissions` naming it.
 * No token is ever authorized for single sign-on and no OAuth App is approved in the emulator:
 * the point is to show what a user in such organisations meets.
 */
import { randomBytes } from 'node:crypto';
import { guard, type RestContext } from './api';
import { errorBody } from './http';
import type { OrgRecord } from './model';

export const SSO_MESSAGE =
  'Resource protected by organization SAML enforcement. You must grant your OAuth token access to this organization.';
const SSO_DOCS = 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/';
const RESTRICTIONS_DOCS = 'https://docs.github.com/articles/restricting-access-to-your-organization-s-data/';

/** GitHub's words for an organisation whose OAuth App access restrictions keep the app out. */
export function oauthRestrictionMessage(org: string) {
  return (
    `Although you appear to have the correct authorization credentials, the \`${org}\` organization has enabled ` +
    'OAuth App access restrictions, meaning that data access to third-parties is limited. For more information on ' +
    `these restrictions, including how to enable this app, visit ${RESTRICTIONS_DOCS}`
  );
}

/** The organisation named `login`, when it keeps this user's token out (the user being a member). */
function keepingOut(ctx: RestContext, login: string | undefined): { org: OrgRecord; by: 'sso' | 'oauth' } | null {
  if (!login) return null;
  const org = [...ctx.world.orgs.values()].find((o) => o.login.toLowerCase() === login.toLowerCase());
  if (!org || !ctx.user.orgs.includes(org.login)) return null;
  if (org.samlSso) return { org, by: 'sso' };
  if (org.oauthAppRestrictions) return { org, by: 'oauth' };
  return null;
}

/** Where GitHub sends the user to authorize their token: valid for an hour, a new one each time. */
function ssoAuthorizationUrl(ctx: RestContext, org: string) {
  return `${ctx.urls.web}/orgs/${org}/sso?authorization_request=${randomBytes(15).toString('hex').toUpperCase()}`;
}

/** The organisation a request touches: the route's `{org}` or `{owner}`, or what its codespace is billed to. */
function organisationTouched(ctx: RestContext, template: string, params: Record<string, string>): string | undefined {
  if (params.org) return params.org;
  if (params.owner) return params.owner;
  if (template.startsWith('/user/codespaces/{codespace_name}') && params.codespace_name) {
    const cs = ctx.world.codespaces.get(params.codespace_name);
    if (cs && cs.owner === ctx.user.login) return cs.billableOwner;
  }
  return undefined;
}

guard((ctx, { template }, params) => {
  const kept = keepingOut(ctx, organisationTouched(ctx, template, params));
  if (!kept) return null;
  if (kept.by === 'sso') {
    return {
      status: 403,
      body: errorBody(403, SSO_MESSAGE, { documentation_url: SSO_DOCS }),
      headers: { 'x-github-sso': `required; url=${ssoAuthorizationUrl(ctx, kept.org.login)}` },
    };
  }
  return { status: 403, body: errorBody(403, oauthRestrictionMessage(kept.org.login), { documentation_url: RESTRICTIONS_DOCS }) };
});

guard((ctx, { method, template }, params) => {
  if (method !== 'POST' || template !== '/user/codespaces/{codespace_name}/start') return null;
  const cs = ctx.world.codespaces.get(params.codespace_name ?? '');
  if (!cs || cs.owner !== ctx.user.login || !cs.startNeeds) return null;
  return {
    status: 403,
    body: errorBody(403, 'Resource not accessible by integration', {
      documentation_url: 'https://docs.github.com/rest/codespaces/codespaces#start-a-codespace-for-the-authenticated-user',
    }),
    headers: { 'x-accepted-github-permissions': cs.startNeeds },
  };
});

/**
 * A list as the user's token may see it: what belongs to an organisation that keeps the token out
 * is left out, and when single sign-on is the reason, `X-GitHub-SSO` names those organisations.
 */
export function visibleList<T>(
  ctx: RestContext,
  items: readonly T[],
  organisationOf: (item: T) => string,
): { items: T[]; headers?: Record<string, string> } {
  const hiddenBySso = new Set<number>();
  // Asked once per organisation, not once per item: an organisation's list is thousands of items of one.
  const verdicts = new Map<string, ReturnType<typeof keepingOut>>();
  const verdictFor = (login: string) => {
    let verdict = verdicts.get(login);
    if (verdict === undefined) verdicts.set(login, (verdict = keepingOut(ctx, login)));
    return verdict;
  };
  const kept = items.filter((item) => {
    const out = verdictFor(organisationOf(item));
    if (out?.by === 'sso') hiddenBySso.add(out.org.id);
    return !out;
  });
  if (!hiddenBySso.size) return { items: kept };
  return { items: kept, headers: { 'x-github-sso': `partial-results; organizations=${[...hiddenBySso].sort((a, b) => a - b).join(',')}` } };
}
