/**
 * Hangar's GitHub App as itself: the JWT it signs (what GitHub checks: RS256 with the app's key,
 * `iss` the app id, at most ten minutes), finding its installation on an organisation, and taking
 * installation tokens; against the emulator playing GitHub.
 */
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppGithub, type AppGithub } from '@/lib/test/github-app';
import { githubAppAuth } from './app-auth.server';

let gh: AppGithub;

beforeAll(async () => {
  gh = await startAppGithub();
});

afterAll(async () => {
  await gh?.close();
});

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe("the app's JWT", () => {
  it('is RS256, issued by the app, valid for at most ten minutes, and verifies with the app’s public key', async () => {
    const app = githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl });
    const before = Math.floor(Date.now() / 1000);
    const jwt = await app.jwt();
    const after = Math.floor(Date.now() / 1000);
    const [header, claims, signature] = jwt.split('.') as [string, string, string];

    expect(decode(header)).toMatchObject({ alg: 'RS256' });
    const { iss, iat, exp } = decode(claims) as { iss: unknown; iat: number; exp: number };
    expect(String(iss)).toBe(gh.appId);
    // Issued a little in the past (for clock drift), never in the future.
    expect(iat).toBeLessThanOrEqual(after);
    expect(iat).toBeGreaterThanOrEqual(before - 60);
    expect(exp).toBeGreaterThan(after);
    expect(exp - before).toBeLessThanOrEqual(600);
    expect(exp - iat).toBeLessThanOrEqual(600);

    const signed = Buffer.from(`${header}.${claims}`);
    expect(verify('RSA-SHA256', signed, createPublicKey(gh.publicKey), Buffer.from(signature, 'base64url'))).toBe(true);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(verify('RSA-SHA256', signed, other, Buffer.from(signature, 'base64url'))).toBe(false);
  });

  it('works from a key with its line breaks written as \\n (a one-line environment variable)', async () => {
    const oneLine = gh.privateKey.replace(/\n/g, '\\n');
    const app = githubAppAuth({ appId: gh.appId, privateKey: oneLine, apiUrl: gh.apiUrl });
    expect(await app.installationId('octo-org')).toEqual(expect.any(Number));
  });
});

describe('installations and their tokens', () => {
  it('finds the app’s installation on an organisation, and says when it has none', async () => {
    const app = githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl });
    expect(await app.installationId('octo-org')).toEqual(expect.any(Number));
    expect(await app.installationId('acme-corp')).toBeNull();
  });

  it('takes an installation token that lasts an hour', async () => {
    const app = githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl });
    const id = (await app.installationId('octo-org'))!;
    const minted = await app.mintInstallationToken(id);
    expect(minted.token).toMatch(/^ghs_/);
    expect(minted.expiresAt - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(minted.expiresAt - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  });

  it('is refused by GitHub when signed with another key', async () => {
    const stranger = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const app = githubAppAuth({ appId: gh.appId, privateKey: stranger, apiUrl: gh.apiUrl });
    await expect(app.installationId('octo-org')).rejects.toMatchObject({ status: 401 });
  });
});
