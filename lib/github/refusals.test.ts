import { describe, expect, it } from 'vitest';
import {
  describePermissions,
  linkableGithubUrl,
  oauthApprovalUrl,
  oauthRestrictedOrganization,
  parseAcceptedPermissions,
  parseGithubSso,
  permissionAsGithubSpellsIt,
  permissionInWords,
  refusalAction,
  ssoOrganization,
  ssoPartialNotice,
} from './refusals';

const WEB = 'https://github.com';
const AUTHORIZE = 'https://github.com/orgs/octo-org/sso?authorization_request=A5TAHKQZGSNS3YC6WVY2MYLS4JFJA';

describe('X-GitHub-SSO', () => {
  it('reads a refusal’s authorization URL, exactly as written', () => {
    expect(parseGithubSso(`required; url=${AUTHORIZE}`)).toEqual({ kind: 'required', url: AUTHORIZE });
    expect(parseGithubSso(`Required;url=${AUTHORIZE}  `)).toEqual({ kind: 'required', url: AUTHORIZE });
  });

  it('reads the organisations a list left out, one or several, each once', () => {
    expect(parseGithubSso('partial-results; organizations=21955855')).toEqual({ kind: 'partial', organizationIds: [21955855] });
    expect(parseGithubSso('partial-results; organizations=21955855,20582480, 21955855')).toEqual({
      kind: 'partial',
      organizationIds: [21955855, 20582480],
    });
  });

  it('reads garbage as nothing', () => {
    for (const header of [
      null,
      undefined,
      '',
      'required',
      'required; url=',
      'required; url=/orgs/x/sso',
      'required; url=javascript:alert(1)',
      'required; url=https://github.com/a b',
      'partial-results; organizations=',
      'partial-results; organizations=12,abc',
      'partial-results; organizations=-4',
      'partial-results; organizations=1e3',
      'partial-results; organizations=1; url=https://github.com',
      'partial-results; organizations=12345678901234567890',
      'sometimes; url=https://github.com',
      `required; url=https://github.com/${'a'.repeat(5000)}`,
    ])
      expect(parseGithubSso(header), String(header)).toBeNull();
  });

  it('names the organisation of a sign-on URL, when it names one properly', () => {
    expect(ssoOrganization(AUTHORIZE)).toBe('octo-org');
    expect(ssoOrganization('https://ghe.example/enterprise/orgs/acme/sso')).toBe('acme');
    expect(ssoOrganization('https://github.com/orgs/<script>/sso')).toBeNull();
    expect(ssoOrganization('https://github.com/settings/tokens')).toBeNull();
  });
});

describe('which URLs may be links', () => {
  it('only those on GitHub’s web host’s origin, returned exactly as written', () => {
    expect(linkableGithubUrl(AUTHORIZE, WEB)).toBe(AUTHORIZE);
    expect(linkableGithubUrl('http://127.0.0.1:3000/emulator/orgs/sso-corp/sso?x=1', 'http://127.0.0.1:3000/emulator')).toBe(
      'http://127.0.0.1:3000/emulator/orgs/sso-corp/sso?x=1',
    );
  });

  it('never another host, a look-alike, another scheme or port, credentials, or without a known web host', () => {
    for (const url of [
      'https://github.com.evil.example/orgs/octo-org/sso',
      'https://evil.example/https://github.com/orgs/x/sso',
      'http://github.com/orgs/octo-org/sso',
      'https://github.com:8443/orgs/octo-org/sso',
      'https://user:pass@github.com/orgs/octo-org/sso',
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      '//github.com/orgs/x/sso',
      'not a url',
    ])
      expect(linkableGithubUrl(url, WEB), url).toBeNull();
    expect(linkableGithubUrl(AUTHORIZE, null)).toBeNull();
    expect(linkableGithubUrl(AUTHORIZE, 'not a url')).toBeNull();
  });
});

describe('OAuth App access restrictions', () => {
  const GITHUB_SAYS =
    'Although you appear to have the correct authorization credentials, the `acme-corp` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited. For more information on these restrictions, including how to enable this app, visit https://docs.github.com/articles/restricting-access-to-your-organization-s-data/';

  it('finds the organisation GitHub names', () => {
    expect(oauthRestrictedOrganization(GITHUB_SAYS)).toBe('acme-corp');
    expect(oauthRestrictedOrganization('the octo-org organization has enabled OAuth App access restrictions')).toBe('octo-org');
  });

  it('finds nothing in other messages, or a name that is not a GitHub login', () => {
    expect(oauthRestrictedOrganization('Must have admin rights to Repository.')).toBeNull();
    expect(oauthRestrictedOrganization(undefined)).toBeNull();
    expect(oauthRestrictedOrganization('the `<img src=x>` organization has enabled OAuth App access restrictions')).toBeNull();
  });

  it('sends the user to the app’s page among their authorized applications, where approval is asked for', () => {
    expect(oauthApprovalUrl('https://github.com/', 'Iv1.0123abcd')).toBe(
      'https://github.com/settings/connections/applications/Iv1.0123abcd',
    );
    expect(oauthApprovalUrl('https://ghe.example', 'a/b')).toBe('https://ghe.example/settings/connections/applications/a%2Fb');
  });
});

describe('X-Accepted-GitHub-Permissions', () => {
  it('reads one permission, several that are all needed, and alternatives', () => {
    expect(parseAcceptedPermissions('codespaces_lifecycle_admin=write')).toEqual([
      [{ name: 'codespaces_lifecycle_admin', level: 'write' }],
    ]);
    expect(parseAcceptedPermissions('contents=read, pull_requests=write; issues=admin')).toEqual([
      [
        { name: 'contents', level: 'read' },
        { name: 'pull_requests', level: 'write' },
      ],
      [{ name: 'issues', level: 'admin' }],
    ]);
  });

  it('drops what it cannot read, and reads garbage as nothing', () => {
    expect(parseAcceptedPermissions('contents=read; <b>=write; codespaces=sudo')).toEqual([[{ name: 'contents', level: 'read' }]]);
    for (const header of [null, '', ';', 'contents', 'contents=', '=write', 'contents=read=write']) {
      expect(parseAcceptedPermissions(header), String(header)).toEqual([]);
    }
  });

  it('names a permission in words and as GitHub spells it', () => {
    const permission = { name: 'codespaces_lifecycle_admin', level: 'write' } as const;
    expect(permissionInWords(permission)).toBe('Codespaces lifecycle admin (write)');
    expect(permissionAsGithubSpellsIt(permission)).toBe('codespaces_lifecycle_admin=write');
    expect(describePermissions([[permission]])).toBe('Codespaces lifecycle admin (write) — codespaces_lifecycle_admin=write');
    expect(describePermissions(parseAcceptedPermissions('contents=read,metadata=read;codespaces=write'))).toBe(
      'Contents (read) — contents=read and Metadata (read) — metadata=read; or Codespaces (write) — codespaces=write',
    );
  });
});

describe('the notice above a list that left codespaces out', () => {
  const orgs = [
    { id: 10, login: 'sso-corp' },
    { id: 11, login: 'big-bank' },
  ];

  it('names the organisation, links its sign-on page, and says the link expires after an hour', () => {
    const notice = ssoPartialNotice([10], orgs, 'https://github.com/');
    expect(notice.title).toBe('Some codespaces are hidden until you authorize single sign-on');
    expect(notice.detail).toMatch(/^GitHub leaves out the codespaces of sso-corp: it enforces SAML single sign-on/);
    expect(notice.detail).toContain('expires after an hour');
    expect(notice.organizations).toEqual([{ id: 10, login: 'sso-corp', ssoUrl: 'https://github.com/orgs/sso-corp/sso' }]);
  });

  it('names several, and counts those GET /user/orgs does not know instead of inventing names', () => {
    expect(ssoPartialNotice([10, 11], orgs, WEB).detail).toMatch(
      /^GitHub leaves out the codespaces of sso-corp and big-bank: they enforce/,
    );
    const partly = ssoPartialNotice([11, 99, 98], orgs, WEB);
    expect(partly.detail).toMatch(/^GitHub leaves out the codespaces of big-bank and 2 more organisations:/);
    expect(partly.organizations.map((o) => o.login)).toEqual(['big-bank', null, null]);
    expect(partly.organizations[1]!.ssoUrl).toBeNull();
    expect(ssoPartialNotice([99], [], WEB).detail).toMatch(/^GitHub leaves out the codespaces of 1 organisation: it enforces/);
  });

  it('links nothing without GitHub’s web host', () => {
    expect(ssoPartialNotice([10], orgs, null).organizations[0]!.ssoUrl).toBeNull();
  });
});

describe('what a refusal offers the user', () => {
  const web = { webUrl: WEB, clientId: 'Iv1.hangar' };

  it('links GitHub’s sign-on URL exactly, naming the organisation', () => {
    expect(refusalAction({ kind: 'sso', url: AUTHORIZE, organization: 'octo-org' }, web)).toEqual({
      kind: 'link',
      label: 'Authorize single sign-on for octo-org',
      href: AUTHORIZE,
    });
  });

  it('shows a sign-on URL off GitHub’s web host as text, never as a link', () => {
    const evil = 'https://github.com.evil.example/orgs/octo-org/sso';
    expect(refusalAction({ kind: 'sso', url: evil, organization: 'octo-org' }, web)).toMatchObject({ kind: 'text', text: evil });
    expect(refusalAction({ kind: 'sso', url: AUTHORIZE, organization: null }, { webUrl: null, clientId: null })).toMatchObject({
      kind: 'text',
    });
  });

  it('links the OAuth App approval page for the organisation', () => {
    expect(refusalAction({ kind: 'oauthRestricted', organization: 'acme-corp' }, web)).toEqual({
      kind: 'link',
      label: 'Ask acme-corp to approve Hangar on GitHub',
      href: 'https://github.com/settings/connections/applications/Iv1.hangar',
    });
    expect(refusalAction({ kind: 'oauthRestricted', organization: 'acme-corp' }, { webUrl: WEB, clientId: null })).toEqual({
      kind: 'none',
    });
  });

  it('names the permissions, in words and as GitHub spells them', () => {
    expect(refusalAction({ kind: 'permission', permissions: parseAcceptedPermissions('codespaces_lifecycle_admin=write') }, web)).toEqual({
      kind: 'permissions',
      label: 'Permission needed:',
      permissions: [[{ words: 'Codespaces lifecycle admin (write)', spelled: 'codespaces_lifecycle_admin=write' }]],
    });
  });
});
