/**
 * Demo mode: the built-in emulator plays Hangar's GitHub App. Hangar signs its JWTs with the
 * private key made at start; the emulator checks them with the public half it was given, and has
 * the app installed on octo-org, so policies can act there with nobody signed in.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_GITHUB_APP, serverConfig } from '@/lib/config';
import { githubAppAuth } from '@/lib/github-app/app-auth.server';
import { demoEmulator } from './demo.server';

describe("demo mode's GitHub App", () => {
  it('is the same app to Hangar and to the emulator: its JWTs pass, its installation is on octo-org', async () => {
    delete process.env.GITHUB_ID;
    delete process.env.HANGAR_GITHUB_TOKEN;
    const config = serverConfig();
    expect(config.demo).toBe(true);
    expect(config.githubApp?.appId).toBe(DEMO_GITHUB_APP.id);

    const emulator = demoEmulator()!;
    // Hangar's requests, answered by the emulator in this process (the server would reach it over loopback).
    const app = githubAppAuth({
      ...config.githubApp!,
      apiUrl: config.apiUrl,
      fetch: (input, init) => emulator.handle(new Request(input, init)),
    });
    const installation = await app.installationId('octo-org');
    expect(installation).toEqual(expect.any(Number));
    expect(await app.installationId('acme-corp')).toBeNull();
    expect((await app.mintInstallationToken(installation!)).token).toMatch(/^ghs_/);
  });
});
