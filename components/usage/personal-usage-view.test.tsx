import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { personalFigures, splitByPayer } from '@/lib/usage/domain/personal-usage';
import { PERSONAL_QUOTAS } from '@/lib/usage/domain/prices';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { makeCodespace } from '@/lib/test/fixtures';
import { renderView, spies } from '@/lib/test/render-for-views';
import { PersonalUsageView, type PersonalUsageViewProps } from './personal-usage-view';

const today = new Date('2026-11-25T12:00:00Z');
const billedTo = (payer: string, overrides: Partial<Codespace> = {}) =>
  summarizeCodespace(makeCodespace({ ...overrides, billable_owner: { ...makeCodespace().owner, login: payer } }));
const fleet = [
  billedTo('mona', { display_name: 'Dotfiles', state: 'Available' }),
  billedTo('mona', { display_name: 'Blog', state: 'Shutdown' }),
  ...Array.from({ length: 6 }, (_, i) => billedTo('octo-org', { display_name: `Octo ${i}`, state: i < 3 ? 'Available' : 'Shutdown' })),
  billedTo('acme-corp', { display_name: 'Payments', state: 'Shutdown' }),
];

function props(overrides: Partial<PersonalUsageViewProps> = {}): PersonalUsageViewProps {
  const { own, others } = splitByPayer(fleet, 'mona');
  return {
    plan: 'free',
    today,
    loading: false,
    error: null,
    report: { pending: false, error: null, usage: null },
    own: own.codespaces,
    figures: personalFigures(own.codespaces, { quota: PERSONAL_QUOTAS.free, today, fromGithub: null, typedCoreHours: 0 }),
    others,
    typedCoreHours: '',
    monthCosts: { costs: new Map(), pending: false },
    ...spies('onPlanChange', 'onTypedCoreHoursChange'),
    ...overrides,
  };
}

describe('my usage, counting only what I pay for', () => {
  it('measures the quota with the codespaces billed to me, and shows those organisations pay for apart, by who pays', () => {
    renderView(<PersonalUsageView {...props()} />);
    const now = screen.getByLabelText('Now');
    // One running 4-core codespace of mine: not the organisations' 12 cores with it.
    expect(within(now).getByText('Running now').parentElement).toHaveTextContent('Running now1 · 4 cores$0.36 an hour beyond the quota');
    expect(screen.getByRole('table', { name: 'Cost of each codespace' }).querySelectorAll('tbody tr')).toHaveLength(2);

    const others = screen.getByRole('region', { name: /Paid for by others/ });
    expect(others).toHaveTextContent(
      'Billed to octo-org: 6 codespaces, 3 running (12 cores, $1.08 an hour), 192 GB stored ($13.44 a month)',
    );
    expect(others).toHaveTextContent('Billed to acme-corp: 1 codespace, none running, 32 GB stored ($2.24 a month)');
  });

  it('has no “paid for by others” when I pay for everything', () => {
    renderView(<PersonalUsageView {...props({ others: [] })} />);
    expect(screen.queryByRole('region', { name: /Paid for by others/ })).not.toBeInTheDocument();
  });
});

describe('my usage while GitHub’s report is on its way', () => {
  it('shows no figure that the report is about to replace: those wait, and say what they wait for', () => {
    renderView(<PersonalUsageView {...props({ report: { pending: true, error: null, usage: null } })} />);
    const now = screen.getByLabelText('Now');
    for (const label of ['Storage quota runs out', 'Compute quota runs out']) {
      const figure = within(now).getByText(label).parentElement!;
      expect(figure).toHaveTextContent('Waiting for GitHub’s usage report');
      expect(figure).not.toHaveTextContent(/GB-months used|Lasts the month|core-hours/);
    }
    // What runs and is stored now is not in the report: it shows at once.
    expect(within(now).getByText('Running now').parentElement).toHaveTextContent('1 · 4 cores');
    // Nothing to type in yet: GitHub may have the figure.
    expect(screen.queryByLabelText(/Core-hours already used this month/)).not.toBeInTheDocument();
    expect(screen.getByText(/Asking GitHub for your usage this month/)).toBeInTheDocument();
  });
});
