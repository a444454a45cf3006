import { describe, expect, it } from 'vitest';
import { refusalFacts } from './api-error';
import { describeError } from './errors';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('what an upstream error tells the user', () => {
  it('sends an expired session back to sign-in', () => {
    expect(describeError({ status: 401 }, NOW)).toMatchObject({ kind: 'session', title: 'Your session has ended' });
  });

  it('explains billing limits with GitHub’s own words', () => {
    const d = describeError({ status: 402, message: 'Payment required: spending limit reached' }, NOW);
    expect(d.kind).toBe('billing');
    expect(d.detail).toContain('spending limit');
  });

  it('tells when a primary rate limit lifts', () => {
    const reset = Math.floor(Date.parse('2026-11-24T12:47:00Z') / 1000);
    const d = describeError(
      { status: 403, message: 'API rate limit exceeded for user ID 1.', rateLimitRemaining: 0, rateLimitReset: reset },
      NOW,
    );
    expect(d.kind).toBe('rateLimit');
    expect(d.detail).toContain('12:47 UTC');
  });

  it('tells when a secondary rate limit lifts', () => {
    expect(describeError({ status: 429, retryAfter: 30 }, NOW).detail).toContain('in 30 seconds');
  });

  it('keeps a plain 403 as a permission problem', () => {
    expect(describeError({ status: 403, message: 'Must have admin rights' }, NOW)).toMatchObject({ kind: 'permission', retryable: false });
  });

  it('reads 409 as a conflicting operation, 5xx as GitHub trouble, 504 as no answer', () => {
    expect(describeError({ status: 409 }, NOW)).toMatchObject({ kind: 'conflict', retryable: true });
    expect(describeError({ status: 502 }, NOW)).toMatchObject({ kind: 'upstream', retryable: true });
    expect(describeError({ status: 504 }, NOW)).toMatchObject({ kind: 'timeout', title: 'GitHub is not answering' });
    // A change that timed out may still happen: the user is told to check, not to repeat it.
    expect(describeError({ status: 504, method: 'POST' }, NOW).detail).toMatch(/may still go through/);
    expect(describeError({ status: 504, method: 'GET' }, NOW).detail).not.toMatch(/may still go through/);
  });

  it('passes validation messages through', () => {
    expect(describeError({ status: 422, message: 'Machine type not allowed' }, NOW).detail).toBe('Machine type not allowed');
  });
});

describe('GitHub’s refusals, in words and with what to do', () => {
  const AUTHORIZE = 'https://github.com/orgs/sso-corp/sso?authorization_request=ABC123';

  it('single sign-on: names the organisation, says the link expires after an hour, and carries the link as it came', () => {
    const d = describeError(
      { status: 403, message: 'Resource protected by organization SAML enforcement.', sso: `required; url=${AUTHORIZE}` },
      NOW,
    );
    expect(d).toMatchObject({ kind: 'sso', title: 'Single sign-on required', retryable: false });
    expect(d.detail).toMatch(/^sso-corp enforces SAML single sign-on/);
    expect(d.detail).toContain('expires after an hour');
    expect(d.refusal).toEqual({ kind: 'sso', url: AUTHORIZE, organization: 'sso-corp' });
  });

  it('OAuth App restrictions: which organisation, and why', () => {
    const d = describeError(
      {
        status: 403,
        message:
          'Although you appear to have the correct authorization credentials, the `locked-labs` organization has enabled OAuth App access restrictions, meaning that data access to third-parties is limited.',
      },
      NOW,
    );
    expect(d).toMatchObject({ kind: 'oauthRestricted', title: 'locked-labs has not approved Hangar' });
    expect(d.detail).toContain('until an owner of locked-labs approves Hangar');
    expect(d.refusal).toEqual({ kind: 'oauthRestricted', organization: 'locked-labs' });
  });

  it('a fine-grained permission: named in words and as GitHub spells it', () => {
    const d = describeError(
      { status: 403, message: 'Resource not accessible by integration', acceptedPermissions: 'codespaces_lifecycle_admin=write' },
      NOW,
    );
    expect(d).toMatchObject({ kind: 'permission', title: 'Not allowed' });
    expect(d.detail).toBe(
      'Resource not accessible by integration. It needs a permission Hangar has not been granted: Codespaces lifecycle admin (write) — codespaces_lifecycle_admin=write.',
    );
    expect(d.refusal).toEqual({ kind: 'permission', permissions: [[{ name: 'codespaces_lifecycle_admin', level: 'write' }]] });
  });

  it('keeps a plain 403’s words, and a rate limit stays a rate limit, when the headers say nothing usable', () => {
    const plain = describeError(
      { status: 403, message: 'Must have admin rights', sso: 'partial-results; organizations=1', acceptedPermissions: '<b>' },
      NOW,
    );
    expect(plain).toEqual({
      kind: 'permission',
      title: 'Not allowed',
      detail: 'Must have admin rights Your token may lack a scope, or you lack permission.',
      retryable: false,
    });
    expect(describeError({ status: 403, rateLimitRemaining: 0, sso: `required; url=${AUTHORIZE}` }, NOW).kind).toBe('rateLimit');
  });

  it('reads the refusal headers of a proxy answer', () => {
    const headers = new Headers({ 'x-github-sso': `required; url=${AUTHORIZE}`, 'x-accepted-github-permissions': 'contents=read' });
    expect(refusalFacts(headers)).toEqual({ sso: `required; url=${AUTHORIZE}`, acceptedPermissions: 'contents=read' });
    expect(refusalFacts(new Headers())).toEqual({});
  });
});
