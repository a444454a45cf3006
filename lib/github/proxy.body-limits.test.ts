/**
 * How much of a request body the proxy reads: each operation's own bound, declared with its input
 * rules. A secret's body carries a sealed value as large as the secrets form takes (48 KB); every
 * other body of the Codespaces API is a few hundred bytes. Through the real proxy, against the
 * emulator, which opens the sealed value as GitHub would.
 */
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { seal } from '@/emulator/test-helpers';
import { configureAppForEmulator, sessionCookie } from '@/lib/test/session';
import { MAX_SECRET_VALUE_BYTES } from '@/lib/secrets/domain/names';
import { DEFAULT_MAX_BODY_BYTES, maxBodyBytesOf, validateBody } from '@/lib/github/allowlist.server';
import { allowlist } from '@/lib/operations/allowlist.server';
import { SECRET_BODY_BYTES } from '@/lib/secrets/operations.server';

const APP = 'http://hangar.test';
const SECRET = 'body-limits-secret-body-limits-secret';

let github: RunningEmulator;
let proxyGithubRequest: (req: NextRequest) => Promise<Response>;
let cookie = '';

beforeAll(async () => {
  github = await startEmulatorServer({ control: true });
  configureAppForEmulator(github.url, { client: 'body-limits', appUrl: APP, secret: SECRET });
  ({ proxyGithubRequest } = await import('@/lib/operations/proxy.server'));
  cookie = await sessionCookie('mona', github.emulator.issueToken('mona', ['codespace', 'codespace:secrets']), SECRET);
});

afterAll(() => github?.close());

const send = (method: string, path: string, body: string) =>
  proxyGithubRequest(
    new NextRequest(`${APP}/api/github${path}`, {
      method,
      headers: { cookie, origin: APP, 'content-type': 'application/json' },
      body,
    }),
  );

async function sealedForMona(value: string) {
  const key = (await (
    await proxyGithubRequest(new NextRequest(`${APP}/api/github/user/codespaces/secrets/public-key`, { headers: { cookie } }))
  ).json()) as {
    key: string;
    key_id: string;
  };
  return { encrypted_value: await seal(value, key.key), key_id: key.key_id };
}

describe('request body bounds, one per operation', () => {
  it('saves a 40 KB secret: its sealed body is over the usual 16 KiB, within a secret’s bound', async () => {
    const value = 'v'.repeat(40 * 1024);
    const body = JSON.stringify(await sealedForMona(value));
    const response = await send('PUT', '/user/codespaces/secrets/LARGE_CERTIFICATE', body);
    expect(response.status).toBe(201);
    expect(body.length).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
    // GitHub (the emulator) opened the sealed box and holds exactly the value.
    const held = await fetch(
      `${github.url}/_emulator/secrets?${new URLSearchParams({ scope: 'user', owner: 'mona', name: 'LARGE_CERTIFICATE' })}`,
    );
    expect(((await held.json()) as { value: string }).value).toBe(value);
  });

  it('fits the largest value the form takes, sealed, with a key id and a hundred repositories, in each secret operation', () => {
    const encrypted_value = 'A'.repeat(Math.ceil((MAX_SECRET_VALUE_BYTES + 48) / 3) * 4);
    const body = {
      encrypted_value,
      key_id: 'k'.repeat(64),
      selected_repository_ids: Array.from({ length: 100 }, (_, i) => 9_000_000_000_000 + i),
    };
    const secretPuts = allowlist.filter((op) => op.method === 'PUT' && /\/secrets\/\{secret_name\}$/.test(op.route));
    expect(secretPuts.map((op) => op.name).sort()).toEqual(['putMySecret', 'putOrgSecret', 'putRepositorySecret']);
    for (const op of secretPuts) {
      expect(maxBodyBytesOf(op)).toBe(SECRET_BODY_BYTES);
      const fitting =
        op.name === 'putOrgSecret'
          ? { ...body, visibility: 'selected' }
          : op.name === 'putRepositorySecret'
            ? { encrypted_value, key_id: body.key_id }
            : body;
      expect(JSON.stringify(fitting).length).toBeLessThanOrEqual(SECRET_BODY_BYTES);
      expect(validateBody(op, fitting)).toMatchObject({ ok: true });
    }
    // Every other operation keeps the small bound.
    for (const op of allowlist.filter((op) => !secretPuts.includes(op))) expect(maxBodyBytesOf(op)).toBe(DEFAULT_MAX_BODY_BYTES);
  });

  it('answers 413 past an operation’s bound, before GitHub is asked', async () => {
    const mark = github.emulator.log().length;
    const rename = await send(
      'PATCH',
      '/user/codespaces/some-codespace',
      JSON.stringify({ display_name: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) }),
    );
    expect(rename.status).toBe(413);
    const secret = await send(
      'PUT',
      '/user/codespaces/secrets/TOO_LARGE',
      JSON.stringify({ encrypted_value: 'A'.repeat(SECRET_BODY_BYTES), key_id: '1' }),
    );
    expect(secret.status).toBe(413);
    expect(github.emulator.log().slice(mark)).toEqual([]);
  });
});
