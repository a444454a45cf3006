import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import { summarizeCodespace } from './summary';
import type { Codespace } from './types';

describe('the list’s summary of a codespace', () => {
  it('keeps what the list shows, filters and sorts on', () => {
    const codespace = makeCodespace({ display_name: 'Usage view', state: 'Available', repo: 'octo-org/octo-app' });
    const summary = summarizeCodespace(codespace);
    expect(summary).toMatchObject({
      name: codespace.name,
      display_name: 'Usage view',
      state: 'Available',
      last_used_at: codespace.last_used_at,
      location: codespace.location,
      git_status: codespace.git_status,
      machine: codespace.machine,
      repository: { id: codespace.repository.id, full_name: 'octo-org/octo-app' },
    });
  });

  it('keeps what decides its actions and who pays for it: GitHub’s pending operation, its reason, why it last stopped, the billing owner', () => {
    const codespace = makeCodespace({
      pending_operation: true,
      pending_operation_disabled_reason: 'Moving to a new machine type.',
      last_known_stop_notice: 'you’ve used 100% of your spending limit for Codespaces',
      billable_owner: { ...makeCodespace().owner, login: 'octo-org' },
    });
    expect(summarizeCodespace(codespace)).toMatchObject({
      pending_operation: true,
      pending_operation_disabled_reason: 'Moving to a new machine type.',
      last_known_stop_notice: 'you’ve used 100% of your spending limit for Codespaces',
      billable_owner: { login: 'octo-org' },
      owner: { login: 'mona' },
    });
  });

  it('is a small fraction of GitHub’s object', () => {
    const codespace = makeCodespace();
    expect(JSON.stringify(summarizeCodespace(codespace)).length).toBeLessThan(JSON.stringify(codespace).length / 3);
  });
});

describe('the summary of a codespace GitHub answered sparsely', () => {
  it('reads a missing git_status as empty and a missing machine as none', () => {
    const sparse = makeCodespace({ state: 'Hibernating' as Codespace['state'] }) as Partial<Codespace>;
    delete sparse.git_status;
    delete sparse.machine;
    const summary = summarizeCodespace(sparse as Codespace);
    expect(summary.git_status).toEqual({});
    expect(summary.machine).toBeNull();
    expect(summary.state).toBe('Hibernating');
  });

  it('keeps none of the fields Hangar does not know', () => {
    const grown = { ...makeCodespace(), hibernated_at: '2026-11-20T10:00:00Z', snapshot: { id: 'x' } } as Codespace;
    expect(Object.keys(summarizeCodespace(grown))).not.toContain('snapshot');
  });
});
