import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import type { AuditEntryJson } from '@/lib/audit/domain/page-data';
import { renderView, spies } from '@/lib/test/render-for-views';
import { AuditView, type AuditViewProps } from './audit-view';

const now = Date.parse('2026-12-07T12:00:00Z');
const entry = (overrides: Partial<AuditEntryJson>): AuditEntryJson => ({
  id: 1,
  org: 'octo-org',
  at: '2026-12-07T11:58:00.000Z',
  actor: 'mona',
  action: 'codespace.stop',
  codespace: 'hubot-x1',
  displayName: null,
  member: 'hubot',
  githubStatus: 200,
  githubAnswer: 'OK',
  details: null,
  ...overrides,
});

function props(overrides: Partial<AuditViewProps> = {}): AuditViewProps {
  return {
    org: 'octo-org',
    entries: [
      entry({ id: 3, actor: 'policy: Stop idle codespaces', displayName: 'Chat bot', details: { policyId: 'p', runId: 'r' } }),
      entry({
        id: 2,
        action: 'org-secret.update',
        codespace: null,
        member: null,
        githubStatus: 204,
        githubAnswer: 'No Content',
        details: { secret: 'NPM_TOKEN', visibility: 'all' },
      }),
      entry({ id: 1, action: 'codespace.delete', githubStatus: 409, githubAnswer: 'Codespace is busy' }),
    ],
    actors: ['mona', 'policy: Stop idle codespaces'],
    actions: ['codespace.delete', 'codespace.stop', 'org-secret.update'],
    filters: { actor: '', action: '' },
    loading: false,
    error: null,
    hasMore: false,
    loadingMore: false,
    now,
    csv: vi.fn(async () => ''),
    ...spies('onFiltersChange', 'onLoadMore', 'onRetry'),
    ...overrides,
  };
}

describe('the audit log', () => {
  it('lists every change newest first: when, who (a login or the policy), what, which codespace and member, GitHub’s answer', () => {
    renderView(<AuditView {...props()} />);
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '2 minutes agopolicy: Stop idle codespacesStopped codespaceChat bothubot-x1hubot200 OK',
      '2 minutes agomonaSaved organisation secretsecret: NPM_TOKEN · visibility: all——204 No Content',
      '2 minutes agomonaDeleted codespacehubot-x1hubot409 Codespace is busy',
    ]);
  });

  it('filters by who and by what', async () => {
    const onFiltersChange = vi.fn();
    renderView(<AuditView {...props({ onFiltersChange })} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Who' }), 'policy: Stop idle codespaces');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ actor: 'policy: Stop idle codespaces', action: '' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'What' }), 'Deleted codespace');
    expect(onFiltersChange).toHaveBeenLastCalledWith({ actor: '', action: 'codespace.delete' });
  });

  it('downloads the log as CSV, and pages on to older entries', async () => {
    const onLoadMore = vi.fn();
    const csv = vi.fn(async () => 'When\r\n');
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() });
    renderView(<AuditView {...props({ hasMore: true, onLoadMore, csv })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(csv).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(onLoadMore).toHaveBeenCalled();
  });

  it('when empty, says what will appear here; when filtered to nothing, how to see everything', () => {
    const { unmount } = renderView(<AuditView {...props({ entries: [] })} />);
    expect(screen.getByRole('heading', { name: 'Nothing recorded yet' })).toBeVisible();
    unmount();
    renderView(<AuditView {...props({ entries: [], filters: { actor: 'mona', action: '' } })} />);
    expect(screen.getByRole('heading', { name: 'No entries match' })).toBeVisible();
  });

  it('while loading, shows that it is', () => {
    renderView(<AuditView {...props({ entries: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading the audit log')).toHaveAttribute('aria-busy', 'true');
  });

  it('refuses a member who is not an owner as the organisation view does', () => {
    renderView(<AuditView {...props({ entries: undefined, error: new ApiError({ status: 403, message: 'Only owners' }) })} />);
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can read its audit log' })).toBeVisible();
  });
});
