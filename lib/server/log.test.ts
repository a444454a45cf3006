import { afterEach, describe, expect, it, vi } from 'vitest';
import { logEvent, octokitLog, redactSecrets } from './log.server';

const oauthToken = 'gho_16C7e42F292c6912E7710c838347Ae178B4a';

describe('server logs never carry a credential', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [`token ${oauthToken}`, oauthToken],
    [`{"headers":{"authorization":"token ${oauthToken}"}}`, oauthToken],
    ['Authorization: Bearer abc.def.ghi', 'abc.def.ghi'],
    ["{ authorization: 'basic dXNlcjpwYXNz' }", 'dXNlcjpwYXNz'],
    ['ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa in a sentence', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '0123456789_abcdefghijklmnop'],
    ['client_id=hangar&client_secret=s3cr3t&code=abc123', 's3cr3t'],
    ['{"access_token":"opaque-token-value","scope":"codespace"}', 'opaque-token-value'],
  ])('redacts %s', (line, secret) => {
    const redacted = redactSecrets(line);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('[REDACTED]');
  });

  it('leaves ordinary log lines alone', () => {
    const line = '{"operation":"GET /user/codespaces","status":200,"ms":4,"rateLimitRemaining":4999}';
    expect(redactSecrets(line)).toBe(line);
  });

  it('writes one redacted JSON line per event', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    logEvent('info', 'github.proxy', { note: `token ${oauthToken}` });
    expect(out).toHaveBeenCalledTimes(1);
    const line = out.mock.calls[0]![0] as string;
    expect(JSON.parse(line)).toMatchObject({ level: 'info', event: 'github.proxy' });
    expect(line).not.toContain(oauthToken);
  });

  it('redacts what Octokit itself warns about, including request options', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    octokitLog.warn('retrying', { method: 'GET', headers: { authorization: `token ${oauthToken}` } });
    expect(err.mock.calls[0]![0]).not.toContain(oauthToken);
  });

  it('records GitHub answers such as 304 as requests, not as server errors', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    octokitLog.error('GET /user/codespaces?per_page=100 - 304 with id E7E8:2671:B052:1ACF in 18ms');
    expect(err).not.toHaveBeenCalled();
    expect(JSON.parse(out.mock.calls[0]![0] as string)).toMatchObject({ level: 'info', event: 'github.request' });
  });
});
