/**
 * The client policies use while nobody is signed in: it acts on one organisation's endpoints as
 * Hangar's GitHub App (an installation token, no person's), and refuses anything else before a
 * request leaves.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrgOperation } from './operations';
import { operations } from '@/lib/operations';
import { allowedOperation } from '@/lib/operations/allowlist.server';
import { startAppGithub, type AppGithub } from '@/lib/test/github-app';
import { githubAppAuth } from './app-auth.server';
import { AppNotInstalled, installationClient, OutsideOrganisation, type InstallationClient } from './installation-client.server';
import { InstallationTokens } from './installation-tokens.server';
import { MemoryInstallationTokenStore } from './token-store.server';

/** What an installation token does for policies: the organisation's members' codespaces. */
const installationOperations = {
  listOrgCodespaces: operations.listOrgCodespaces,
  stopMemberCodespace: operations.stopMemberCodespace,
  deleteMemberCodespace: operations.deleteMemberCodespace,
} as const;

let gh: AppGithub;

beforeAll(async () => {
  gh = await startAppGithub();
});

beforeEach(() => {
  gh.github.emulator.reset();
});

afterAll(async () => {
  await gh?.close();
});

function clientFor(org: string): InstallationClient {
  const app = githubAppAuth({ appId: gh.appId, privateKey: gh.privateKey, apiUrl: gh.apiUrl });
  const tokens = new InstallationTokens({
    appId: gh.appId,
    mint: (id) => app.mintInstallationToken(id),
    local: new MemoryInstallationTokenStore(),
  });
  return installationClient({ org, apiUrl: gh.apiUrl, app, tokens, rulesOf: allowedOperation });
}

/** What reached GitHub's REST API besides the app's own JWT calls. */
const orgRequests = () => gh.github.emulator.log().filter((e) => !e.path.startsWith('/app/') && !e.path.endsWith('/installation'));

describe('an installation client', () => {
  it('lists every codespace of the organisation, all pages, as the app’s bot', async () => {
    const client = clientFor('octo-org');
    const codespaces = await client.all(installationOperations.listOrgCodespaces, { params: { org: 'octo-org' }, query: { per_page: 10 } });
    const total = gh.github.emulator.world.codespaces.size;
    const billedToOrg = [...gh.github.emulator.world.codespaces.values()].filter((c) => c.billableOwner === 'octo-org').length;
    expect(total).toBeGreaterThan(billedToOrg);
    expect(codespaces).toHaveLength(billedToOrg);
    expect(orgRequests().length).toBeGreaterThan(1);
    expect(orgRequests().every((e) => e.login === 'hangar[bot]')).toBe(true);
  });

  it('stops and deletes a member’s codespace, with no person’s token', async () => {
    const client = clientFor('octo-org');
    const [running] = (await client.all(installationOperations.listOrgCodespaces, { params: { org: 'octo-org' } })).filter(
      (c) => c.state === 'Available' && c.owner.login !== 'mona',
    );
    const params = { org: 'octo-org', username: running!.owner.login, codespace_name: running!.name };
    const stopped = await client.request(installationOperations.stopMemberCodespace, { params });
    expect(stopped.status).toBe(200);
    expect(stopped.data.state).toBe('ShuttingDown');
    const deleted = await client.request(installationOperations.deleteMemberCodespace, { params });
    expect(deleted.status).toBe(202);
    expect(gh.github.emulator.world.codespaces.has(running!.name)).toBe(false);

    const writes = orgRequests().filter((e) => e.method !== 'GET');
    expect(writes).toEqual([
      expect.objectContaining({ method: 'POST', login: 'hangar[bot]' }),
      expect.objectContaining({ method: 'DELETE', login: 'hangar[bot]' }),
    ]);
  });

  it('refuses, without a request, anything outside /orgs/<its org>/', async () => {
    const client = clientFor('octo-org');
    const outside: [OrgOperation, Record<string, string>][] = [
      // Cast: the types already refuse these; the code must too.
      [operations.listMyCodespaces as unknown as OrgOperation, {}],
      [operations.startMyCodespace as unknown as OrgOperation, { codespace_name: 'x' }],
      [operations.listMyCodespacesInRepository as unknown as OrgOperation, { owner: 'octo-org', repo: 'octo-app' }],
      // Another organisation's endpoints.
      [installationOperations.listOrgCodespaces, { org: 'acme-corp' }],
    ];
    for (const [operation, params] of outside) {
      await expect(client.request(operation, { params } as never), `${operation.method} ${operation.route}`).rejects.toThrow(
        OutsideOrganisation,
      );
    }
    expect(gh.github.emulator.log()).toEqual([]);
  });

  it('refuses parameters that are not names, as the proxy does', async () => {
    const client = clientFor('octo-org');
    await expect(
      client.request(installationOperations.deleteMemberCodespace, { params: { org: 'octo-org', username: '../..', codespace_name: 'x' } }),
    ).rejects.toThrow();
    expect(orgRequests()).toEqual([]);
  });

  it('says the app is not installed where it is not', async () => {
    const client = clientFor('acme-corp');
    await expect(client.request(installationOperations.listOrgCodespaces, { params: { org: 'acme-corp' } })).rejects.toThrow(
      AppNotInstalled,
    );
    expect(orgRequests()).toEqual([]);
  });

  it('takes a new token when GitHub refuses the one it has, and carries on', async () => {
    const client = clientFor('octo-org');
    await client.request(installationOperations.listOrgCodespaces, { params: { org: 'octo-org' } });
    const minted = gh.tokensMinted();
    // GitHub forgets every token (as when the app's tokens are revoked).
    gh.github.emulator.reset();
    const again = await client.request(installationOperations.listOrgCodespaces, { params: { org: 'octo-org' } });
    expect(again.status).toBe(200);
    expect(gh.tokensMinted()).toBe(1);
    expect(minted).toBe(1);
    expect(orgRequests().map((e) => e.status)).toEqual([401, 200]);
  });
});
