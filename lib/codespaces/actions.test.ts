import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { planBulkAction } from '@/lib/codespaces/domain/bulk';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { bulkCodespaceActionMutation, codespaceActionMutation } from './actions';
import { arrivalsIn, clearAwaitedTransitions } from './transitions';

/** A running codespace of `owner`'s, as the lists keep it. */
const running = (name: string, owner = 'mona') =>
  ({
    name,
    display_name: name,
    state: 'Available',
    owner: { login: owner },
    repository: { id: 1, full_name: 'octo-org/app' },
    git_status: {},
  }) as unknown as CodespaceSummary;

/** GitHub, through Hangar's proxy: every stop answers the codespace on its way down. */
function githubStopping() {
  vi.stubGlobal('fetch', async (url: string) => {
    const name = decodeURIComponent(/codespaces\/([^/]+)\/stop$/.exec(url)![1]!);
    return new Response(JSON.stringify({ ...running(name), state: 'ShuttingDown' }), { status: 200 });
  });
}

/** What a later look at the list shows: each of them stopped. */
const stoppedList = (...names: string[]) => ({ items: names.map((name) => ({ name, state: 'Shutdown' })) });

/** Stops `codespaces` as a bulk selection does: the user's own, or with `org`, an organisation's members'. */
async function stopInBulk(codespaces: CodespaceSummary[], org?: string) {
  const client = new QueryClient();
  await client
    .getMutationCache()
    .build(client, bulkCodespaceActionMutation(client, org))
    .execute({ plan: planBulkAction(codespaces, 'stop'), onResult: () => {} });
}

beforeEach(() => {
  clearAwaitedTransitions();
  githubStopping();
});
afterEach(() => vi.unstubAllGlobals());

describe('stopping codespaces, however it was asked', () => {
  it('says a codespace stopped from its row is stopped once a later look shows it', async () => {
    const client = new QueryClient();
    await client.getMutationCache().build(client, codespaceActionMutation(client, 'stop')).execute(running('mona-web-1'));
    expect(arrivalsIn(stoppedList('mona-web-1'))).toEqual([{ kind: 'toast', ok: true, message: 'mona-web-1 is stopped' }]);
  });

  it('says each codespace of a bulk Stop is stopped once a later look shows it', async () => {
    await stopInBulk([running('mona-web-1'), running('mona-api-2')]);
    expect(arrivalsIn(stoppedList('mona-web-1', 'mona-api-2'))).toEqual([
      { kind: 'toast', ok: true, message: 'mona-web-1 is stopped' },
      { kind: 'toast', ok: true, message: 'mona-api-2 is stopped' },
    ]);
  });

  it('says each member’s codespace an owner stopped is stopped once the organisation’s list shows it', async () => {
    await stopInBulk([running('hubot-ml-3', 'hubot')], 'octo-org');
    expect(arrivalsIn(stoppedList('hubot-ml-3'))).toEqual([{ kind: 'toast', ok: true, message: 'hubot-ml-3 is stopped' }]);
  });

  it('says so from a list that is a plain array too (a member’s, a repository’s)', async () => {
    await stopInBulk([running('hubot-ml-3', 'hubot')], 'octo-org');
    expect(arrivalsIn([{ name: 'hubot-ml-3', state: 'Shutdown' }])).toEqual([
      { kind: 'toast', ok: true, message: 'hubot-ml-3 is stopped' },
    ]);
  });
});
