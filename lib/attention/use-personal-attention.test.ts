// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { makeCodespace } from '@/lib/test/fixtures';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { personalAttention } from './domain/personal';
import { usePersonalAttention } from './use-personal-attention';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const forgotten = summarizeCodespace(
  makeCodespace({ name: 'forgotten', display_name: 'Forgotten', state: 'Available', last_used_at: iso(NOW - 5 * HOUR) }),
);
const expiring = summarizeCodespace(
  makeCodespace({
    name: 'expiring',
    state: 'Shutdown',
    last_used_at: iso(NOW - 20 * 24 * HOUR),
    retention_expires_at: iso(NOW + 20 * HOUR),
    git_status: { ahead: 2, behind: 0, has_unpushed_changes: true, has_uncommitted_changes: false, ref: 'feat/x' },
  }),
);
const fleet = [forgotten, expiring];

describe('my "needs attention" on the list page', () => {
  it('first shows what the server worked out, and the same rules follow the list once they are in', async () => {
    // What app/page.tsx sends with the first paint: the rules' own answer for the same codespaces.
    const fromServer = personalAttention(fleet, NOW);
    expect(fromServer.map((i) => [i.name, i.kind])).toEqual([
      ['expiring', 'work-expiring'],
      ['forgotten', 'running-unused'],
    ]);
    const { result, rerender } = renderHook(({ codespaces }) => usePersonalAttention(codespaces, NOW, fromServer), {
      initialProps: { codespaces: fleet },
    });
    // Hydration renders the server's items as they are (the rules are not in the first-load JS).
    expect(result.current).toBe(fromServer);
    // Loaded, the browser's own answer is the server's, item for item.
    await waitFor(() => expect(result.current).not.toBe(fromServer));
    expect(result.current).toEqual(fromServer);
    // And it follows the list: the forgotten codespace stopped leaves the panel.
    rerender({ codespaces: [{ ...forgotten, state: 'Shutdown' }, expiring] });
    expect(result.current.map((i) => i.name)).toEqual(['expiring']);
  });

  it('shows nothing while the server had no list, then works the list out in the browser', async () => {
    const { result, rerender } = renderHook(({ codespaces }) => usePersonalAttention(codespaces, NOW, null), {
      initialProps: { codespaces: undefined as typeof fleet | undefined },
    });
    expect(result.current).toEqual([]);
    rerender({ codespaces: fleet });
    await waitFor(() => expect(result.current.map((i) => i.kind)).toEqual(['work-expiring', 'running-unused']));
  });
});
