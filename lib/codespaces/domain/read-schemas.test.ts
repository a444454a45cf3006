import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { readCodespace, readCodespacePage, readCodespaceSummaryPage } from './read-schemas';
import { summarizeCodespace } from './summary';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('reading a codespace as GitHub answers it', () => {
  it('reads GitHub’s answer as it is', () => {
    const codespace = makeCodespace({ name: 'literate-space-giggle-jp6xq5g7hw5x', display_name: 'Usage view' });
    const read = readCodespace(json(codespace));
    expect(read).toEqual({ ok: true, value: json(codespace) });
  });

  it('takes a state GitHub added later, as written, and keeps fields it does not know without caring about them', () => {
    const grown = { ...json(makeCodespace()), state: 'Hibernating', hibernated_at: '2026-11-20T10:00:00Z', snapshot: { id: 'snap' } };
    const read = readCodespace(grown);
    expect(read.ok && read.value.state).toBe('Hibernating');
    expect(readCodespacePage({ total_count: 1, codespaces: [grown] })).toMatchObject({
      ok: true,
      value: { codespaces: [{ state: 'Hibernating' }] },
    });
    expect(read.ok && summarizeCodespace(read.value)).toMatchObject({ state: 'Hibernating' });
  });

  it('fills what GitHub left out: no machine, empty git status, no folders', () => {
    const sparse = json(makeCodespace());
    delete sparse.git_status;
    delete sparse.recent_folders;
    delete sparse.retention_expires_at;
    sparse.machine = null;
    const read = readCodespace(sparse);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.machine).toBeNull();
    expect(read.value.git_status).toEqual({});
    expect(read.value.recent_folders).toEqual([]);
    expect(read.value.retention_expires_at).toBeUndefined();
    expect(summarizeCodespace(read.value)).toMatchObject({ machine: null, git_status: {} });
  });

  it('reads what GitHub says in words (a pending operation and its reason, the idle timeout and stop notices), and reads a malformed one as absent', () => {
    const said = {
      ...json(makeCodespace()),
      pending_operation: true,
      pending_operation_disabled_reason: 'Moving to a new machine type.',
      idle_timeout_notice: 'Your organization limits idle timeouts to 30 minutes.',
      last_known_stop_notice: 'you’ve used 100% of your spending limit for Codespaces',
    };
    expect(readCodespace(said)).toMatchObject({ ok: true, value: said });
    const garbled = { ...said, pending_operation: 'yes', last_known_stop_notice: { html: '<b>' }, idle_timeout_notice: 'x'.repeat(5000) };
    expect(readCodespace(garbled)).toMatchObject({
      ok: true,
      value: {
        pending_operation: null,
        last_known_stop_notice: null,
        idle_timeout_notice: null,
        pending_operation_disabled_reason: 'Moving to a new machine type.',
      },
    });
  });

  it('holds what Hangar builds links and requests from to GitHub’s rules', () => {
    const base = json(makeCodespace());
    for (const [field, value] of [
      ['name', '../../user/keys'],
      ['name', 'a/b'],
      ['name', ''],
      ['id', '12'],
      ['state', ''],
      ['state', 'x'.repeat(65)],
    ] as const) {
      const read = readCodespace({ ...base, [field]: value });
      expect(read.ok, `${field}=${value}`).toBe(false);
      expect(!read.ok && read.message).toMatch(new RegExp(`^${field}:`));
    }
    expect(readCodespace({ ...base, repository: { id: 1, full_name: 'javascript:alert(1)' } }).ok).toBe(false);
    expect(readCodespace({ ...base, owner: { login: '<b>', id: 1 } }).ok).toBe(false);
    expect(readCodespace({ ...base, git_status: { ahead: 'lots' } }).ok).toBe(false);
    expect(readCodespace('<html>Unicorn!</html>').ok).toBe(false);
    expect(readCodespace(null).ok).toBe(false);
  });
});

describe('reading a page of codespaces', () => {
  it('keeps every codespace it can read and counts those it cannot, never failing the page for one', () => {
    const good = json(makeCodespace({ name: 'good-one' }));
    const page = readCodespacePage({ total_count: 3, codespaces: [good, { ...good, name: '../x' }, { ...good, state: 'Hibernating' }] });
    expect(page.ok && page.value.codespaces.map((c) => c.state)).toEqual(['Shutdown', 'Hibernating']);
    expect(page.ok && page.value).toMatchObject({ totalCount: 3, unreadable: 1 });
  });

  it('refuses what is not a page at all', () => {
    expect(readCodespacePage([]).ok).toBe(false);
    expect(readCodespacePage({ codespaces: 'nope', total_count: 1 }).ok).toBe(false);
  });
});

describe('reading a page of codespaces for the lists (only what their summaries keep)', () => {
  it('gives each codespace’s summary, as reading it in full and summarising it would', () => {
    const grown = { ...json(makeCodespace({ name: 'grown-space-giggle-jp6xq5g7hw5x' })), state: 'Hibernating', snapshot: { id: 'snap' } };
    const codespaces = [
      json(makeCodespace()),
      grown,
      { ...json(makeCodespace({ name: 'pr-space-giggle-jp6xq5g7hw5x' })), pending_operation: true },
    ];
    const read = json(readCodespaceSummaryPage({ total_count: 3, codespaces }));
    expect(read).toEqual({
      ok: true,
      value: {
        totalCount: 3,
        unreadable: 0,
        codespaces: codespaces.map((c) =>
          json(summarizeCodespace((readCodespace(c) as { value: Parameters<typeof summarizeCodespace>[0] }).value)),
        ),
      },
    });
  });

  it('leaves out a codespace Hangar could not act on safely, and counts it, as the full reading does', () => {
    const bad = { ...json(makeCodespace()), name: '../../user' };
    const read = readCodespaceSummaryPage({ total_count: 2, codespaces: [json(makeCodespace()), bad] });
    expect(read.ok && read.value.codespaces).toHaveLength(1);
    expect(read.ok && read.value.unreadable).toBe(1);
    expect(readCodespaceSummaryPage({ codespaces: [] }).ok).toBe(false);
  });

  it('passes over GitHub’s other fields: none of them reaches a summary', () => {
    const read = readCodespaceSummaryPage({ total_count: 1, codespaces: [{ ...json(makeCodespace()), extra: 'x'.repeat(10) }] });
    expect(JSON.stringify(read)).not.toMatch(/"extra"|avatar_url|events_url|recent_folders|"url"/);
  });
});
