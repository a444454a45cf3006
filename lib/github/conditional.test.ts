import { describe, expect, it } from 'vitest';
import { etagMatches, headersAfterNotModified, storableHeaders } from './conditional';
import { expandRoute } from './operation';

describe('If-None-Match against an ETag', () => {
  it('matches the same tag, weak or strong (weak comparison)', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
  });
  it('matches any tag of a list, and *', () => {
    expect(etagMatches('"x", W/"abc" , "y"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
  });
  it('does not match another tag, or nothing', () => {
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(null, 'W/"abc"')).toBe(false);
    expect(etagMatches('W/"abc"', undefined)).toBe(false);
  });
});

describe('expanding a GitHub route', () => {
  it('fills in each parameter, encoded', () => {
    expect(expandRoute('/user/codespaces/{codespace_name}/exports/{export_id}', { codespace_name: 'a-b', export_id: 'latest' })).toBe(
      '/user/codespaces/a-b/exports/latest',
    );
    expect(expandRoute('/repos/{owner}/{repo}', { owner: 'o', repo: 'r.js' })).toBe('/repos/o/r.js');
  });
});

describe('the headers a cache keeps with a stored answer (RFC 9111 §3.1)', () => {
  it('keeps GitHub’s representation headers, and none that belong to one message or one hop', () => {
    const kept = storableHeaders({
      etag: 'W/"1"',
      link: '<https://api.github.com/user/codespaces?page=2>; rel="next"',
      'x-github-sso': 'partial-results; organizations=21',
      'content-type': 'application/json; charset=utf-8',
      'content-length': '365000',
      'content-encoding': 'gzip',
      'transfer-encoding': 'chunked',
      connection: 'keep-alive, x-hop',
      'keep-alive': 'timeout=5',
      'x-hop': 'only this hop',
      'set-cookie': '_gh_sess=…',
    });
    expect(kept).toEqual({
      etag: 'W/"1"',
      link: '<https://api.github.com/user/codespaces?page=2>; rel="next"',
      'x-github-sso': 'partial-results; organizations=21',
      'content-type': 'application/json; charset=utf-8',
    });
  });
});

describe('a stored answer’s headers after a 304 (RFC 9111 §4.3.4)', () => {
  const stored = {
    etag: 'W/"1"',
    link: '<https://api.github.com/user/codespaces?page=2>; rel="next"',
    'x-github-sso': 'partial-results; organizations=21',
    'x-ratelimit-remaining': '4990',
    'x-ratelimit-used': '10',
    date: 'Tue, 01 Dec 2026 12:00:00 GMT',
  };

  it('keeps Link and X-GitHub-SSO from the stored 200 when the 304 does not repeat them', () => {
    const merged = headersAfterNotModified(stored, { etag: 'W/"1"', date: 'Tue, 01 Dec 2026 12:01:00 GMT' });
    expect(merged.link).toBe(stored.link);
    expect(merged['x-github-sso']).toBe('partial-results; organizations=21');
  });

  it('takes the 304’s newer ETag, date and rate-limit figures over the stored ones', () => {
    const merged = headersAfterNotModified(stored, {
      etag: 'W/"2"',
      date: 'Tue, 01 Dec 2026 12:01:00 GMT',
      'x-ratelimit-remaining': '4971',
      'x-ratelimit-used': '29',
      'content-length': '0',
    });
    expect(merged).toEqual({
      ...stored,
      etag: 'W/"2"',
      date: 'Tue, 01 Dec 2026 12:01:00 GMT',
      'x-ratelimit-remaining': '4971',
      'x-ratelimit-used': '29',
    });
  });
});
