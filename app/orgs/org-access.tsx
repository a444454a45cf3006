import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { SignInScreen } from '@/components/layout/sign-in-screen';
import { MissingScopesBanner } from '@/components/layout/missing-scopes-banner';
import { missingScopesAdvice } from '@/lib/auth/scope-check.mjs';
import { consentScopes, hasScope, ORG_ADMIN_SCOPE } from '@/lib/auth/scopes';
import { serverSession } from '@/lib/auth/token.server';
import { ownerName } from '@/lib/github/params';
import { serverConfig } from '@/lib/config';
import { organizationMissing } from '@/lib/orgs/exists.server';
import { serverTransport } from '@/lib/operations/server-transport.server';
import { OrgConsent } from '@/components/orgs/org-consent';

type Session = NonNullable<Awaited<ReturnType<typeof serverSession>>>;

/**
 * What every organisation page checks first (server side): a valid organisation name (else 404), a
 * session (else the sign-in screen), the admin:org scope (else the consent screen: GitHub would
 * refuse anyway, so explain and ask rather than fail), and an organisation by that name on GitHub
 * (else 404). Returns the session, or the screen to show.
 */
export async function orgAccess(
  org: string,
  {
    alongside,
  }: {
    /** A first paint's reads, made while GitHub is asked whether the organisation exists (one round trip, not two). */
    alongside?: (session: Session) => Promise<unknown>;
  } = {},
): Promise<{ session: Session } | { screen: ReactNode }> {
  if (!ownerName.safeParse(org).success) notFound();
  const session = await serverSession();
  if (!session) return { screen: <SignInScreen demo={serverConfig().demo} /> };
  if (!hasScope(session, ORG_ADMIN_SCOPE)) {
    // Local mode cannot ask GitHub for more: the token's owner adds the scope with gh.
    const advice = serverConfig().mode === 'local' ? missingScopesAdvice([ORG_ADMIN_SCOPE], serverConfig().webUrl) : null;
    return {
      screen: advice ? (
        <MissingScopesBanner advice={advice} />
      ) : (
        <OrgConsent org={org} scopes={consentScopes(session.scopes, ORG_ADMIN_SCOPE)} />
      ),
    };
  }
  // No such organisation: a real 404, not a page of controls for nothing. Asked only once the user
  // has granted organisation access: before that, nothing about the organisation goes to GitHub.
  const [missing] = await Promise.all([organizationMissing(serverTransport(session), org), alongside?.(session)]);
  if (missing) notFound();
  return { session };
}

type OrgRouteProps = { params: Promise<{ org: string }> };

/** An organisation page's title: `<org> <what>` ("octo-org policies"). */
export function orgTitle(what: string) {
  return async ({ params }: OrgRouteProps): Promise<Metadata> => ({ title: `${(await params).org} ${what}` });
}

/**
 * An organisation's route: the page `render` gives, once `orgAccess` lets the user in; the screen
 * it answers otherwise (sign in, grant access, or not found).
 */
export function orgRoute(render: (org: string, session: Session) => ReactNode) {
  return async function OrgRoute({ params }: OrgRouteProps) {
    const { org } = await params;
    const access = await orgAccess(org);
    if ('screen' in access) return access.screen;
    return render(org, access.session);
  };
}
