import { describe, expect, it } from 'vitest';
import { etagMatches } from './conditional';
import { expandRoute } from './operations';

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
