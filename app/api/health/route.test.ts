/**
 * The health check is for anyone, without a session: asking it often must not turn into asking
 * GitHub often. Against the emulator as GitHub, counting what reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '@/emulator/node-server';
import { configureAppForEmulator } from '@/lib/test/session';

let github: RunningEmulator;
let health: () => Promise<Response>;

beforeAll(async () => {
  github = await startEmulatorServer({});
  configureAppForEmulator(github.url, {
    client: 'health-client',
    appUrl: 'http://hangar.test',
    secret: 'health-secret-health-secret-health',
  });
  ({ GET: health } = await import('./route'));
});

afterAll(() => github?.close());

describe('/api/health', () => {
  it('asks GitHub at most once per 30 s, however many ask at once or one after another', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, () => health()));
    for (let i = 0; i < 25; i++) answers.push(await health());
    for (const answer of answers) expect(await answer.json()).toMatchObject({ status: 'ok', github: { reachable: true } });
    const root = github.emulator.log().filter((entry) => entry.path === '/');
    expect(root).toHaveLength(1);
  });
});
