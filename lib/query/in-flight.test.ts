import { describe, expect, it } from 'vitest';
import { QueryClient, type MutationOptions } from '@tanstack/react-query';
import { actsOn, isInFlight } from './in-flight';

type Target = { name: string };

/** Sends a request that stays in flight until `finish` is called. */
function send(client: QueryClient, options: MutationOptions<void, Error, Target>, variables: Target) {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const mutation = client.getMutationCache().build(client, { ...options, mutationFn: () => answered });
  const done = mutation.execute(variables);
  return { finish: () => (answer(), done) };
}

const start: MutationOptions<void, Error, Target> = { mutationKey: ['codespaces', 'start'], meta: actsOn((c: Target) => [c.name]) };

describe('one request at a time for the same action on the same codespace', () => {
  it('sees a request in flight from the moment it is sent until GitHub answers', async () => {
    const client = new QueryClient();
    expect(isInFlight(client.getMutationCache(), start, { name: 'a' })).toBe(false);
    const first = send(client, start, { name: 'a' });
    // No await: a second click in the same tick is already refused.
    expect(isInFlight(client.getMutationCache(), start, { name: 'a' })).toBe(true);
    await first.finish();
    expect(isInFlight(client.getMutationCache(), start, { name: 'a' })).toBe(false);
  });

  it('lets the same action on another codespace, or another action, through', () => {
    const client = new QueryClient();
    send(client, start, { name: 'a' });
    expect(isInFlight(client.getMutationCache(), start, { name: 'b' })).toBe(false);
    expect(isInFlight(client.getMutationCache(), { ...start, mutationKey: ['codespaces', 'stop'] }, { name: 'a' })).toBe(false);
  });

  it('treats a bulk action as in flight for any codespace it holds', () => {
    const client = new QueryClient();
    const bulk = { mutationKey: ['codespaces', 'bulk'], meta: actsOn((v: { names: string[] }) => v.names) };
    const cache = client.getMutationCache();
    cache.build(client, { ...bulk, mutationFn: () => new Promise(() => {}) }).execute({ names: ['a', 'b'] });
    expect(isInFlight(cache, bulk, { names: ['b', 'c'] })).toBe(true);
    expect(isInFlight(cache, bulk, { names: ['c'] })).toBe(false);
  });

  it('holds an action that names no target to one at a time altogether', () => {
    const client = new QueryClient();
    const save = { mutationKey: ['settings', 'save'] };
    send(client, save as MutationOptions<void, Error, Target>, { name: 'x' });
    expect(isInFlight(client.getMutationCache(), save, { name: 'y' })).toBe(true);
  });
});
