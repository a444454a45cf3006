/**
 * A GitHub for tests of Hangar's GitHub App: the emulator over HTTP, with an app registered under
 * a fresh RSA key and installed on octo-org (not on acme-corp), as GitHub hands such a key out
 * (PKCS #1 PEM).
 */
import { generateKeyPairSync } from 'node:crypto';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';

export interface AppGithub {
  github: RunningEmulator;
  apiUrl: string;
  appId: string;
  privateKey: string;
  publicKey: string;
  /** How many installation tokens GitHub gave out so far. */
  tokensMinted(): number;
  close(): Promise<void>;
}

const TEST_APP_ID = '31337';

export async function startAppGithub(): Promise<AppGithub> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const github = await startEmulatorServer({
    githubApps: [{ id: TEST_APP_ID, slug: 'hangar', publicKey, installations: [{ org: 'octo-org' }] }],
  });
  return {
    github,
    apiUrl: `${github.url}/api`,
    appId: TEST_APP_ID,
    privateKey,
    publicKey,
    tokensMinted: () =>
      github.emulator
        .log()
        .filter((e) => e.method === 'POST' && /^\/app\/installations\/\d+\/access_tokens$/.test(e.path) && e.status === 201).length,
    close: () => github.close(),
  };
}
