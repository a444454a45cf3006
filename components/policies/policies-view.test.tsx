import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/transport/api-error';
import { emptyDraft } from '@/lib/policies/domain/form';
import type { PoliciesPageData, PolicyListItem, PolicyPreviewJson, PolicyRunJson } from '@/lib/policies/domain/page-data';
import { renderView, spies } from '@/lib/test/render-for-views';
import { PoliciesView, type PoliciesViewProps } from './policies-view';
import { PolicyForm } from './policy-form';
import { PolicyPreview } from './policy-preview';
import { PolicyRuns } from './policy-runs';

const now = Date.parse('2026-12-07T12:00:00Z');

const run: PolicyRunJson = {
  id: 'r1',
  policyId: 'p1',
  org: 'octo-org',
  policyName: 'Stop idle codespaces',
  kind: 'idle-limit',
  trigger: 'manual',
  evaluatedAt: '2026-12-07T11:00:00.000Z',
  startedAt: '2026-12-07T11:00:00.000Z',
  finishedAt: '2026-12-07T11:00:02.000Z',
  status: 'completed',
  summary: 'Hangar policy “Stop idle codespaces” on octo-org (Run now): stopped 1 codespace.',
  writes: [
    {
      action: 'stop',
      codespace: 'hubot-x1',
      displayName: 'Chat bot',
      member: 'hubot',
      reason: 'Running and unused for 3 hours (limit: 2 hours)',
      at: '2026-12-07T11:00:01.000Z',
      ok: true,
      status: 200,
      answer: 'OK',
      recheck: null,
    },
    {
      action: 'stop',
      codespace: 'mona-y2',
      displayName: 'Docs',
      member: 'mona',
      reason: 'Running and unused for 5 hours (limit: 2 hours)',
      at: '2026-12-07T11:00:01.000Z',
      ok: false,
      status: 409,
      answer: 'Codespace is busy',
      recheck: null,
    },
  ],
  skipped: [],
  kept: [],
  exempt: [],
  notes: [],
  error: null,
  webhook: null,
};

const policy = (overrides: Partial<PolicyListItem> = {}): PolicyListItem => ({
  id: 'p1',
  name: 'Stop idle codespaces',
  enabled: true,
  rule: { kind: 'idle-limit', limit: 2, unit: 'hours' },
  exempt: { members: ['lisa'], codespaces: [] },
  description: 'Stops running codespaces unused for more than 2 hours.',
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'mona',
  lastRun: run,
  ...overrides,
});

const data = (overrides: Partial<PoliciesPageData> = {}): PoliciesPageData => ({
  org: 'octo-org',
  app: { state: 'installed' },
  webhookUrl: null,
  policies: [policy()],
  ...overrides,
});

function props(overrides: Partial<PoliciesViewProps> = {}): PoliciesViewProps {
  return {
    org: 'octo-org',
    data: data(),
    loading: false,
    error: null,
    now,
    form: null,
    detailOf: () => null,
    openDetail: null,
    webhook: { draft: '', error: undefined, saving: false },
    busy: new Set(),
    ...spies(
      'onNewPolicy',
      'onEdit',
      'onDelete',
      'onToggle',
      'onPreview',
      'onRunNow',
      'onShowRuns',
      'onWebhookChange',
      'onWebhookSave',
      'onRetry',
    ),
    ...overrides,
  };
}

describe('the policies page', () => {
  it('lists each policy: name, kind, what it does, enabled or not, its last run and how it ended', () => {
    renderView(<PoliciesView {...props()} />);
    const item = screen.getByRole('listitem', { name: 'Stop idle codespaces' });
    expect(item).toHaveTextContent('Idle limit · Enabled');
    expect(item).toHaveTextContent('Stops running codespaces unused for more than 2 hours.');
    expect(item).toHaveTextContent('Never touches members lisa.');
    expect(item).toHaveTextContent(/Last run: 1 hour ago · Completed \(1 failed\)/);
    for (const name of ['Preview', 'Run now', 'Disable', 'Runs', 'Edit', 'Delete'])
      expect(within(item).getByRole('button', { name })).toBeEnabled();
  });

  it('says which of a policy’s details is open', () => {
    renderView(<PoliciesView {...props({ openDetail: { id: 'p1', show: 'runs' } })} />);
    expect(screen.getByRole('button', { name: 'Runs' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('offers Enable for a disabled policy, and hands each control its policy', async () => {
    const onToggle = vi.fn();
    const onRunNow = vi.fn();
    const disabled = policy({ enabled: false, lastRun: null });
    renderView(<PoliciesView {...props({ data: data({ policies: [disabled] }), onToggle, onRunNow })} />);
    expect(screen.getByRole('listitem', { name: 'Stop idle codespaces' })).toHaveTextContent('Last run: never');
    await userEvent.click(screen.getByRole('button', { name: 'Enable' }));
    await userEvent.click(screen.getByRole('button', { name: 'Run now' }));
    expect(onToggle).toHaveBeenCalledWith(disabled);
    expect(onRunNow).toHaveBeenCalledWith(disabled);
  });

  it('when empty, says what a policy is for and offers New policy', () => {
    renderView(<PoliciesView {...props({ data: data({ policies: [] }) })} />);
    expect(screen.getByRole('heading', { name: 'No policies yet' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'New policy' })).toBeEnabled();
  });

  it('while loading, shows that it is', () => {
    renderView(<PoliciesView {...props({ data: undefined, loading: true })} />);
    expect(screen.getByLabelText('Loading policies')).toHaveAttribute('aria-busy', 'true');
  });

  it('refuses a member who is not an owner as the organisation view does', () => {
    const error = new ApiError({ status: 403, message: 'Only owners of octo-org can manage its policies.' });
    renderView(<PoliciesView {...props({ data: undefined, error })} />);
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can manage its policies' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'New policy' })).toBeNull();
  });

  it('says an error in words, with a way to try again', async () => {
    const onRetry = vi.fn();
    renderView(<PoliciesView {...props({ data: undefined, error: new ApiError({ status: 500, message: 'boom' }), onRetry })} />);
    await userEvent.click(await screen.findByRole('button', { name: /Try again/ }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('without Hangar’s GitHub App on the organisation, says so and how to fix it, and turns off Preview and Run now', () => {
    const app = {
      state: 'not-installed' as const,
      message: 'Hangar’s GitHub App is not installed on octo-org, so its policies cannot run.',
    };
    renderView(<PoliciesView {...props({ data: data({ app }) })} />);
    const note = screen.getByRole('status');
    expect(note).toHaveTextContent('not installed on octo-org');
    expect(note).toHaveTextContent('The GitHub App: set-up');
    expect(within(note).getByRole('link', { name: 'How to install a GitHub App' })).toHaveAttribute(
      'href',
      expect.stringContaining('docs.github.com'),
    );
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Disable' })).toBeEnabled();
  });

  it('shows the webhook URL’s error beside the field', () => {
    renderView(<PoliciesView {...props({ webhook: { draft: 'http://10.0.0.1/x', error: 'Use https', saving: false } })} />);
    const field = screen.getByRole('textbox', { name: 'Webhook URL' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Use https');
  });
});

describe('the policy form', () => {
  const form = (errors = {}, kind: 'idle-limit' | 'quiet-hours' = 'idle-limit') => (
    <PolicyForm
      draft={{ ...emptyDraft(), kind }}
      errors={errors}
      editing={null}
      saving={false}
      previewing={false}
      preview={null}
      onChange={vi.fn()}
      onPreview={vi.fn()}
      onSave={vi.fn()}
      onCancel={vi.fn()}
    />
  );

  it('shows each problem beside its field', () => {
    renderView(form({ name: 'Give the policy a name', limit: 'Must be more than 0' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('Give the policy a name');
    expect(screen.getByRole('textbox', { name: 'Stop after this long unused' })).toHaveAccessibleDescription('Must be more than 0');
  });

  it('asks for a time, weekdays and a time zone for quiet hours', () => {
    renderView(form({ timeZone: '“Mars/Olympus” is not a time zone (use a name like Europe/Berlin)' }, 'quiet-hours'));
    expect(screen.getByRole('textbox', { name: 'Time zone' })).toHaveAccessibleDescription(/is not a time zone/);
    expect(screen.getAllByRole('checkbox', { checked: true }).length).toBeGreaterThanOrEqual(5);
  });
});

describe('a preview', () => {
  it('names the codespaces it would act on by display name and member, with those kept and exempt apart', () => {
    const preview: PolicyPreviewJson = {
      ok: true,
      nextOccurrence: null,
      decision: {
        actions: [
          { codespace: 'a', displayName: 'Checkout fix', member: 'hubot', action: 'delete', reason: 'Stopped and unused for 40 days' },
        ],
        kept: [{ codespace: 'b', displayName: 'Docs', member: 'mona', action: 'delete', reason: 'Unpushed work: 2 commits ahead' }],
        exempt: [{ codespace: 'c', displayName: 'Infra', member: 'lisa', action: 'delete', reason: '…', exemptBecause: 'lisa is exempt' }],
        notes: [],
      },
    };
    renderView(<PolicyPreview preview={preview} />);
    expect(screen.getByRole('heading', { name: 'Now it would delete 1 codespace' })).toBeVisible();
    expect(screen.getByRole('list', { name: 'Acts on' })).toHaveTextContent('Checkout fixhubot');
    expect(screen.getByRole('list', { name: 'Kept (1)' })).toHaveTextContent('DocsmonaUnpushed work');
    expect(screen.getByRole('list', { name: 'Exempt (1)' })).toHaveTextContent('lisa is exempt');
  });

  it('says why it cannot preview', () => {
    renderView(<PolicyPreview preview={{ ok: false, message: 'Preview needs Hangar’s GitHub App' }} />);
    expect(screen.getByRole('region', { name: 'Preview' })).toHaveTextContent('Preview needs Hangar’s GitHub App');
  });
});

describe('a policy’s runs', () => {
  it('list when, the trigger, what it did and GitHub’s answer per codespace, failures marked', () => {
    renderView(<PolicyRuns runs={[run]} now={now} />);
    const runs = screen.getByRole('list', { name: 'Last runs' });
    expect(runs).toHaveTextContent('1 hour agoRun nowCompleted (1 failed)');
    const rows = within(runs).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'CodespaceMemberActionGitHub’s answer',
      'Chat bothubotStop200 OK',
      'DocsmonaStop409 Codespace is busy',
    ]);
  });

  it('say when there are none', () => {
    renderView(<PolicyRuns runs={[]} now={now} />);
    expect(screen.getByText('It has not run yet.')).toBeVisible();
  });
});
