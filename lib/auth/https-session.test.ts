/**
 * Hangar served over https (AUTH_URL https://…): the session is only ever the `__Secure-` cookie,
 * which a browser accepts from a secure page of this very host. A plain-named one, which a sibling
 * subdomain or anyone on the network over http could plant (login fixation), is not read.
 */
import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { configureAppForEmulator } from '@/lib/test/session';

const APP = 'https://hangar.test';
const SECRET = 'https-session-secret-https-session-secret';
const CLIENT = 'Iv1.https-session';

let github: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;

beforeAll(async () => {
  github = await startEmulatorServer({ control: true, clients: { [CLIENT]: `${CLIENT}-secret` } });
  configureAppForEmulator(github.url, { client: CLIENT, appUrl: APP, secret: SECRET });
  ({ proxyGithubRequest } = await import('@/lib/operations/proxy.server'));
});

afterAll(() => github?.close());

describe('the session cookie over https', () => {
  it('is read under its __Secure- name, and a plain-named one is ignored: 401, and GitHub is not asked', async () => {
    const token = github.emulator.issueToken('mona');
    const jwt = await encode({
      token: { sub: 'mona', login: 'mona', accessToken: token, signedInAt: Math.floor(Date.now() / 1000), sessionId: randomUUID() },
      secret: SECRET,
    });
    const get = (cookie: string) => proxyGithubRequest(new NextRequest(`${APP}/api/github/user`, { headers: { cookie } }));

    expect((await get(`__Secure-next-auth.session-token=${jwt}`)).status).toBe(200);

    const mark = github.emulator.log().length;
    const planted = await get(`next-auth.session-token=${jwt}`);
    expect(planted.status).toBe(401);
    expect(github.emulator.log().slice(mark)).toEqual([]);
  });
});
