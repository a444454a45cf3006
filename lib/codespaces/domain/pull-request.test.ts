import { describe, expect, it } from 'vitest';
import { pullRequestNumber, pullRequestWebUrl } from './pull-request';

describe('the pull request a codespace was made from', () => {
  it('is read from GitHub’s pulls_url, and none when it was not made from one', () => {
    expect(pullRequestNumber({ pulls_url: 'https://api.github.com/repos/octo-org/web/pulls/42' })).toBe(42);
    expect(pullRequestNumber({ pulls_url: null })).toBeNull();
    expect(pullRequestNumber({})).toBeNull();
    // A templated or unexpected URL names no pull request.
    expect(pullRequestNumber({ pulls_url: 'https://api.github.com/repos/octo-org/web/pulls{/number}' })).toBeNull();
  });

  it('links to it on GitHub’s web host', () => {
    expect(pullRequestWebUrl('https://github.com/', 'octo-org/web', 42)).toBe('https://github.com/octo-org/web/pull/42');
  });
});
