import { ExternalLink } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { parseGithubSso, ssoPartialNotice } from '@/lib/github/refusals';

/**
 * Above a list whose answer said `X-GitHub-SSO: partial-results`: which organisations' codespaces
 * GitHub left out, and a link to each one's single sign-on page. Renders nothing for any other
 * header (none, a refusal's, garbage). Props only: the list's `x-github-sso` header, the user's
 * organisations (GET /user/orgs) to name the ids, and GitHub's web host.
 */
export function SsoPartialNotice({
  ssoHeader,
  organizations,
  webUrl,
}: {
  ssoHeader: string | null | undefined;
  organizations: readonly { id: number; login: string }[];
  webUrl: string | null;
}) {
  const sso = parseGithubSso(ssoHeader);
  if (sso?.kind !== 'partial') return null;
  const notice = ssoPartialNotice(sso.organizationIds, organizations, webUrl);
  const links = notice.organizations.filter((o) => o.ssoUrl && o.login);
  return (
    <Alert title={notice.title} tone="warning">
      <p>{notice.detail}</p>
      {links.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-x-4">
          {links.map((o) => (
            <li key={o.id}>
              <a
                href={o.ssoUrl!}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex items-center gap-1 font-medium underline underline-offset-2 hover:no-underline"
              >
                Sign on to {o.login}
                <ExternalLink aria-hidden className="size-3.5" />
              </a>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
