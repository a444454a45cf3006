/**
 * GitHub's refusals, read: SAML single sign-on (`X-GitHub-SSO`), an organisation's OAuth App
 * access restrictions (GitHub's message), and a GitHub App's missing fine-grained permissions
 * (`X-Accepted-GitHub-Permissions`). Pure, and safe in the browser: every header here comes from
 * GitHub through the proxy as it was written, so it is untrusted input, validated here, where it
 * is read. Nothing here ever yields a link to anywhere but GitHub's web host.
 */

/** Longer than any header GitHub writes: anything past this is not one of its. */
const MAX_HEADER_LENGTH = 4096;

/** GitHub logins and organisation names: alphanumerics and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export type SsoHeader =
  /** A 403: the token is not authorized for an organisation that enforces SAML SSO; `url` authorizes it. */
  | { kind: 'required'; url: string }
  /** A list that left out what belongs to these organisations (GitHub's organisation ids). */
  | { kind: 'partial'; organizationIds: number[] };

/**
 * `X-GitHub-SSO`, either form: `required; url=<url>` or `partial-results; organizations=<id>,<id>`.
 * Anything else (another form, a URL that is not absolute http(s), ids that are not whole numbers) is null.
 */
export function parseGithubSso(header: string | null | undefined): SsoHeader | null {
  if (!header || header.length > MAX_HEADER_LENGTH) return null;
  const required = /^\s*required\s*;\s*url=(\S+)\s*$/i.exec(header);
  if (required) {
    const url = required[1]!;
    return absoluteHttpUrl(url) ? { kind: 'required', url } : null;
  }
  const partial = /^\s*partial-results\s*;\s*organizations=([^;]*)$/i.exec(header);
  if (!partial) return null;
  const ids: number[] = [];
  for (const part of partial[1]!.split(',')) {
    const id = part.trim();
    if (!/^\d{1,15}$/.test(id)) return null;
    if (!ids.includes(Number(id))) ids.push(Number(id));
  }
  return ids.length ? { kind: 'partial', organizationIds: ids } : null;
}

function absoluteHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * `url` as it was written, when it may be a link: on the origin of GitHub's web host (`webUrl`,
 * i.e. `$GITHUB_WEB_URL`), with no credentials in it. Null for anything else, which is shown as
 * text, never linked.
 */
export function linkableGithubUrl(url: string, webUrl: string | null | undefined): string | null {
  if (!webUrl) return null;
  const target = absoluteHttpUrl(url);
  const web = absoluteHttpUrl(webUrl);
  if (!target || !web || target.username || target.password) return null;
  return target.origin === web.origin ? url : null;
}

/** The organisation an SSO authorization URL names (`…/orgs/<org>/sso…`), or null. */
export function ssoOrganization(url: string): string | null {
  const parsed = absoluteHttpUrl(url);
  const login = parsed && /^(?:.*\/)?orgs\/([^/]+)\/sso\/?$/.exec(parsed.pathname)?.[1];
  return login && LOGIN.test(login) ? login : null;
}

/** What GitHub says of an authorization link in `X-GitHub-SSO`, and so what the page says too. */
export const SSO_LINK_EXPIRES = 'GitHub’s sign-on link expires after an hour: if it has, try again for a new one.';

// ---------- OAuth App access restrictions ----------

/**
 * The organisation GitHub names in its refusal of an OAuth App that the organisation has not
 * approved ("…the `<org>` organization has enabled OAuth App access restrictions…"), or null.
 */
export function oauthRestrictedOrganization(message: string | null | undefined): string | null {
  if (!message || message.length > MAX_HEADER_LENGTH) return null;
  const org = /\bthe `?([^`\s]+)`? organization has enabled OAuth App access restrictions/i.exec(message)?.[1];
  return org && LOGIN.test(org) ? org : null;
}

/**
 * Where a user asks an organisation to approve the OAuth App (and where an owner approves it):
 * GitHub's page for the app among the user's authorized applications. The client id is not secret.
 */
export function oauthApprovalUrl(webUrl: string, clientId: string): string {
  return `${webUrl.replace(/\/+$/, '')}/settings/connections/applications/${encodeURIComponent(clientId)}`;
}

// ---------- fine-grained permissions ----------

export interface GithubPermission {
  /** As GitHub spells it, e.g. `codespaces_lifecycle_admin`. */
  name: string;
  level: 'read' | 'write' | 'admin';
}

/**
 * `X-Accepted-GitHub-Permissions`: the permission sets that would be accepted, any one of them
 * enough (separated by `;`), each needing all of its permissions (`name=level`, separated by `,`).
 * Sets with anything unreadable in them are dropped; [] when none is left.
 */
export function parseAcceptedPermissions(header: string | null | undefined): GithubPermission[][] {
  if (!header || header.length > MAX_HEADER_LENGTH) return [];
  const sets: GithubPermission[][] = [];
  for (const alternative of header.split(';')) {
    const set: GithubPermission[] = [];
    let readable = true;
    for (const pair of alternative.split(',')) {
      const match = /^\s*([a-z][a-z0-9_]{0,63})\s*=\s*(read|write|admin)\s*$/i.exec(pair);
      if (!match) {
        readable = false;
        break;
      }
      set.push({ name: match[1]!.toLowerCase(), level: match[2]!.toLowerCase() as GithubPermission['level'] });
    }
    if (readable && set.length) sets.push(set);
  }
  return sets;
}

/** A permission in words: `Codespaces lifecycle admin (write)`. */
export function permissionInWords({ name, level }: GithubPermission): string {
  const words = name.replace(/_+/g, ' ').trim();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} (${level})`;
}

/** A permission as GitHub spells it: `codespaces_lifecycle_admin=write`. */
export function permissionAsGithubSpellsIt({ name, level }: GithubPermission): string {
  return `${name}=${level}`;
}

/** Permission sets in one phrase: each permission in words and as GitHub spells it; "or" between sets. */
export function describePermissions(sets: GithubPermission[][]): string {
  return sets.map((set) => set.map((p) => `${permissionInWords(p)} — ${permissionAsGithubSpellsIt(p)}`).join(' and ')).join('; or ');
}

// ---------- a list that left something out ----------

export interface SsoPartialNotice {
  title: string;
  detail: string;
  /** Each organisation GitHub named, with its login when GET /user/orgs knows the id. */
  organizations: { id: number; login: string | null; ssoUrl: string | null }[];
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What to say above a list whose answer said `X-GitHub-SSO: partial-results`: which
 * organisations' codespaces are hidden (named when `knownOrganizations`, from GET /user/orgs, has
 * the id), and what to do. Each named organisation links to its single sign-on page on GitHub's web
 * host (`webUrl`); without one, nothing links.
 */
export function ssoPartialNotice(
  organizationIds: readonly number[],
  knownOrganizations: readonly { id: number; login: string }[],
  webUrl: string | null | undefined,
): SsoPartialNotice {
  const web = webUrl ? webUrl.replace(/\/+$/, '') : null;
  const organizations = organizationIds.map((id) => {
    const login = knownOrganizations.find((o) => o.id === id)?.login ?? null;
    const named = login !== null && LOGIN.test(login) ? login : null;
    // The same rule as a refusal's link (linkableGithubUrl): only on GitHub's web host.
    return { id, login: named, ssoUrl: named && web ? linkableGithubUrl(`${web}/orgs/${named}/sso`, webUrl) : null };
  });
  const names = organizations.flatMap((o) => (o.login ? [o.login] : []));
  const unnamed = organizations.length - names.length;
  const others = `${unnamed} ${names.length ? 'more ' : ''}organisation${unnamed > 1 ? 's' : ''}`;
  const whose = listInWords(unnamed ? [...names, others] : names);
  const several = organizations.length > 1;
  return {
    title: 'Some codespaces are hidden until you authorize single sign-on',
    detail:
      `GitHub leaves out the codespaces of ${whose}: ${several ? 'they enforce' : 'it enforces'} SAML single sign-on, and ` +
      `your sign-in to Hangar is not authorized for ${several ? 'them' : 'it'} yet. Sign on with GitHub for ` +
      `${several ? 'each' : 'it'}, then sign in to Hangar again. A sign-on link from GitHub expires after an hour.`,
    organizations,
  };
}

// ---------- what a refusal offers the user ----------

/**
 * Why GitHub refused, when it said so in a way Hangar can act on (lib/api/errors.ts reads it from
 * an error; components/github/refusal-message.tsx shows it).
 */
export type Refusal =
  /** SAML single sign-on: `url` is GitHub's authorization link exactly as it came (linked only on GitHub's web host). */
  | { kind: 'sso'; url: string; organization: string | null }
  /** The organisation's OAuth App access restrictions keep Hangar out until an owner approves it. */
  | { kind: 'oauthRestricted'; organization: string }
  /** A GitHub App's fine-grained permissions: any one of these sets would do. */
  | { kind: 'permission'; permissions: GithubPermission[][] };

/** Where the page may send the user about a refusal: GitHub's web host and Hangar's OAuth client id. */
export interface GithubWeb {
  webUrl: string | null;
  clientId: string | null;
}

export type RefusalAction =
  /** A link to exactly `href`, on GitHub's web host. */
  | { kind: 'link'; label: string; href: string }
  /** An address that may not be linked: shown as text, so the user can judge it. */
  | { kind: 'text'; label: string; text: string }
  /** Permissions to name, in words and as GitHub spells them. */
  | { kind: 'permissions'; label: string; permissions: { words: string; spelled: string }[][] }
  | { kind: 'none' };

export function refusalAction(refusal: Refusal, { webUrl, clientId }: GithubWeb): RefusalAction {
  switch (refusal.kind) {
    case 'sso': {
      const label = `Authorize single sign-on for ${refusal.organization ?? 'the organisation'}`;
      const href = linkableGithubUrl(refusal.url, webUrl);
      return href
        ? { kind: 'link', label, href }
        : {
            kind: 'text',
            label: 'GitHub named this address to authorize single sign-on; it is not on GitHub’s web host, so Hangar does not link it:',
            text: refusal.url,
          };
    }
    case 'oauthRestricted':
      return webUrl && clientId
        ? { kind: 'link', label: `Ask ${refusal.organization} to approve Hangar on GitHub`, href: oauthApprovalUrl(webUrl, clientId) }
        : { kind: 'none' };
    case 'permission':
      return {
        kind: 'permissions',
        label: refusal.permissions.length > 1 ? 'Any one of these would do:' : 'Permission needed:',
        permissions: refusal.permissions.map((set) =>
          set.map((p) => ({ words: permissionInWords(p), spelled: permissionAsGithubSpellsIt(p) })),
        ),
      };
  }
}
