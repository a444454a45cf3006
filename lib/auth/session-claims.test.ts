import { describe, expect, it } from 'vitest';
import {
  renewalDue,
  renewalMarginMs,
  scopesApply,
  sessionExpired,
  sessionSecondsLeft,
  tokensFromAnswer,
  withTokens,
} from './session-claims';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const WEEK_S = 7 * 24 * 60 * 60;

describe('when a GitHub App’s token is renewed', () => {
  const signedIn = Date.parse('2026-12-01T09:00:00Z');
  // GitHub's answer at sign-in: an 8-hour token with a refresh token.
  const tokens = tokensFromAnswer(
    { access_token: 'ghu_a', expires_in: 28_800, refresh_token: 'ghr_a', refresh_token_expires_in: 15_811_200 },
    signedIn,
  );

  it('reads the lifetimes from GitHub’s answer', () => {
    expect(tokens).toEqual({
      accessToken: 'ghu_a',
      refreshToken: 'ghr_a',
      accessTokenLifetimeS: 28_800,
      accessTokenExpiresAt: signedIn + 8 * HOUR,
      refreshTokenExpiresAt: signedIn + 15_811_200_000,
    });
  });

  it('not during the first 7 h 55 min, then in the last five minutes, and once expired', () => {
    expect(renewalDue(tokens, signedIn)).toBe(false);
    expect(renewalDue(tokens, signedIn + 7 * HOUR + 54 * 60_000)).toBe(false);
    expect(renewalDue(tokens, signedIn + 7 * HOUR + 55 * 60_000)).toBe(true);
    expect(renewalDue(tokens, signedIn + 9 * HOUR)).toBe(true);
  });

  it('a quarter of the lifetime early when that is under five minutes (short-lived test tokens)', () => {
    expect(renewalMarginMs(8)).toBe(2_000);
    expect(renewalMarginMs(28_800)).toBe(5 * 60_000);
    const short = tokensFromAnswer({ access_token: 'ghu_s', expires_in: 8, refresh_token: 'ghr_s' }, 0);
    expect(renewalDue(short, 5_999)).toBe(false);
    expect(renewalDue(short, 6_000)).toBe(true);
  });

  it('never for an OAuth App’s token, nor one without a refresh token', () => {
    const oauth = tokensFromAnswer({ access_token: 'gho_x', scope: 'codespace' }, signedIn);
    expect(renewalDue(oauth, signedIn + 365 * DAY)).toBe(false);
    const noRefresh = tokensFromAnswer({ access_token: 'ghu_x', expires_in: 28_800 }, signedIn);
    expect(renewalDue(noRefresh, signedIn + 9 * HOUR)).toBe(false);
  });

  it('keeps the sign-in time and everything else of the session through a renewal', () => {
    const renewed = tokensFromAnswer({ access_token: 'ghu_b', expires_in: 28_800, refresh_token: 'ghr_b' }, signedIn + 8 * HOUR);
    const jwt = withTokens({ login: 'mona', signedInAt: signedIn / 1000, accessToken: 'ghu_a', refreshToken: 'ghr_a', scope: '' }, renewed);
    expect(jwt).toMatchObject({ login: 'mona', signedInAt: signedIn / 1000, accessToken: 'ghu_b', refreshToken: 'ghr_b', scope: '' });
  });
});

describe('a session’s absolute lifetime', () => {
  const signedInAt = Date.parse('2026-12-01T09:00:00Z') / 1000;

  it('ends HANGAR_SESSION_MAX_AGE after sign-in, however recently the cookie was re-signed', () => {
    // next-auth re-signs the cookie on every session read: iat moves, signedInAt does not.
    const active = { signedInAt, iat: signedInAt + WEEK_S - 60 };
    expect(sessionExpired(active, (signedInAt + WEEK_S - 1) * 1000, WEEK_S)).toBe(false);
    expect(sessionExpired(active, (signedInAt + WEEK_S) * 1000, WEEK_S)).toBe(true);
    expect(sessionSecondsLeft(active, (signedInAt + WEEK_S - 90) * 1000, WEEK_S)).toBe(90);
    expect(sessionSecondsLeft(active, (signedInAt + WEEK_S + 90) * 1000, WEEK_S)).toBe(0);
  });

  it('follows a shorter configured lifetime', () => {
    expect(sessionExpired({ signedInAt }, (signedInAt + 3_600) * 1000, 3_600)).toBe(true);
    expect(sessionExpired({ signedInAt }, (signedInAt + 3_599) * 1000, 3_600)).toBe(false);
  });

  it('counts a cookie without a sign-in time as over, however recently it was signed', () => {
    // Such a cookie's only time is iat, which every session read moves: it would never reach its end.
    const now = Date.parse('2026-12-01T09:00:00Z');
    expect(sessionExpired({ iat: now / 1000 - 60, login: 'mona', accessToken: 'gho_x' }, now, WEEK_S)).toBe(true);
    expect(sessionSecondsLeft({ iat: now / 1000 - 60 }, now, WEEK_S)).toBe(0);
    expect(sessionExpired({}, now, WEEK_S)).toBe(true);
  });
});

describe('whether OAuth scopes decide what a token may do', () => {
  it('yes for an OAuth App’s token; no for a GitHub App’s, or a local token GitHub reports no scopes for', () => {
    expect(scopesApply('gho_x', 'codespace')).toBe(true);
    expect(scopesApply('gho_x', undefined)).toBe(true);
    expect(scopesApply('ghu_x', '')).toBe(false);
    expect(scopesApply('github_pat_x', undefined, true)).toBe(false);
    expect(scopesApply('gho_x', 'repo', true)).toBe(true);
  });
});
