import { beforeEach, describe, expect, it } from 'vitest';
import { arrivalsIn, awaitExport, awaitTransition, clearAwaitedTransitions, exportArrivalIn, pendingWatches } from './transitions';

/**
 * What the user is told of what they wait for: the specifications that held the notifications'
 * old, unused second reading of the list (lib/notifications/events.ts), now held by the one the
 * query client runs.
 */

const started = (name: string, title = name.toUpperCase()) =>
  awaitTransition(name, { target: 'Available', title, done: 'is running', mine: true });

beforeEach(() => clearAwaitedTransitions());

describe('news of what the user waits for', () => {
  it('says when a codespace I started becomes Available, once', () => {
    started('a');
    expect(arrivalsIn({ items: [{ name: 'a', state: 'Available' }] })).toEqual([
      { kind: 'notification', event: { kind: 'available', name: 'a', title: 'A' } },
    ]);
    expect(arrivalsIn({ items: [{ name: 'a', state: 'Available' }] })).toEqual([]);
  });

  it('keeps waiting for a codespace still on its way, and says when it ends up elsewhere', () => {
    started('a');
    expect(arrivalsIn({ name: 'a', state: 'Starting' })).toEqual([]);
    expect(arrivalsIn({ name: 'a', state: 'Failed' })).toEqual([
      { kind: 'notification', event: { kind: 'start-failed', name: 'a', title: 'A', state: 'Failed' } },
    ]);
  });

  it('says nothing about codespaces nobody waits for', () => {
    started('a');
    expect(arrivalsIn({ items: [{ name: 'b', state: 'Available' }] })).toEqual([]);
  });

  it('says when an export being followed succeeds or fails, and not again', () => {
    awaitExport('a', 'latest-1', 'A');
    awaitExport('b', 'latest-2', 'B');
    const url = 'https://example.test/octo/web/tree/codespace-a';
    expect(exportArrivalIn('a', { id: 'latest-1', state: 'in_progress', branch: 'codespace-a', html_url: null })).toBeNull();
    expect(exportArrivalIn('a', { id: 'latest-1', state: 'succeeded', branch: 'codespace-a', html_url: url })).toEqual({
      kind: 'export-succeeded',
      name: 'a',
      title: 'A',
      branch: 'codespace-a',
      url,
    });
    expect(exportArrivalIn('b', { id: 'latest-2', state: 'failed', branch: null, html_url: null })).toEqual({
      kind: 'export-failed',
      name: 'b',
      title: 'B',
    });
    expect(exportArrivalIn('a', { id: 'latest-1', state: 'succeeded', branch: 'codespace-a', html_url: url })).toBeNull();
  });

  it('leaves the background watch only what it can look up: the user’s own codespaces and exports', () => {
    started('a');
    awaitTransition('hubot-ml-3', { target: 'Shutdown', title: 'ML', done: 'is stopped', mine: false });
    awaitExport('a', '7', 'A');
    expect(pendingWatches()).toEqual({ codespaces: ['a'], exports: [{ name: 'a', id: '7' }] });
  });
});
