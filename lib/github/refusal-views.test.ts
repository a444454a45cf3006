/**
 * The refusal views as a person's browser gets them (rendered to HTML): what is linked, what is
 * only text, what is said.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RefusalMessage } from '@/components/github/refusal-message';
import { SsoPartialNotice } from '@/components/github/sso-partial-notice';
import { parseAcceptedPermissions, type Refusal } from './refusals';

const web = { webUrl: 'https://github.com', clientId: 'Iv1.hangar' };
const render = (refusal: Refusal, on = web) => renderToStaticMarkup(createElement(RefusalMessage, { refusal, web: on }));
// What is linked: anchors' addresses (an icon's `<use href="#icon-…">` is the page's own sprite, not a link).
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('the message for a refusal', () => {
  it('links exactly GitHub’s sign-on URL, naming the organisation', () => {
    const url = 'https://github.com/orgs/sso-corp/sso?authorization_request=ABC&x=1';
    const html = render({ kind: 'sso', url, organization: 'sso-corp' });
    expect(hrefs(html)).toEqual([url]);
    expect(html).toContain('Authorize single sign-on for sso-corp');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('shows a sign-on URL off GitHub’s web host as text, with no link at all', () => {
    const html = render({ kind: 'sso', url: 'https://evil.example/orgs/sso-corp/sso', organization: 'sso-corp' });
    expect(hrefs(html)).toEqual([]);
    expect(html).toContain('<code class="break-all">https://evil.example/orgs/sso-corp/sso</code>');
  });

  it('links the page where the organisation’s approval of Hangar is asked for', () => {
    const html = render({ kind: 'oauthRestricted', organization: 'locked-labs' });
    expect(hrefs(html)).toEqual(['https://github.com/settings/connections/applications/Iv1.hangar']);
    expect(html).toContain('Ask locked-labs to approve Hangar on GitHub');
  });

  it('names the missing permission in words and as GitHub spells it', () => {
    const html = render({ kind: 'permission', permissions: parseAcceptedPermissions('codespaces_lifecycle_admin=write') });
    expect(html).toBe(
      '<span>Permission needed: <span><span>Codespaces lifecycle admin (write) (<code>codespaces_lifecycle_admin=write</code>)</span></span></span>',
    );
  });
});

describe('the notice above a list that left codespaces out', () => {
  const orgs = [{ id: 4100001, login: 'sso-corp' }];
  const notice = (ssoHeader: string | null, webUrl: string | null = 'https://github.com') =>
    renderToStaticMarkup(createElement(SsoPartialNotice, { ssoHeader, organizations: orgs, webUrl }));

  it('names the organisation and links its sign-on page', () => {
    const html = notice('partial-results; organizations=4100001');
    expect(html).toContain('Some codespaces are hidden until you authorize single sign-on');
    expect(html).toContain('GitHub leaves out the codespaces of sso-corp');
    expect(html).toContain('expires after an hour');
    expect(hrefs(html)).toEqual(['https://github.com/orgs/sso-corp/sso']);
  });

  it('says nothing for a list that left nothing out, a refusal’s header, or garbage', () => {
    expect(notice(null)).toBe('');
    expect(notice('required; url=https://github.com/orgs/sso-corp/sso')).toBe('');
    expect(notice('partial-results; organizations=<script>')).toBe('');
  });

  it('links nothing without GitHub’s web host', () => {
    expect(hrefs(notice('partial-results; organizations=4100001', null))).toEqual([]);
  });
});
