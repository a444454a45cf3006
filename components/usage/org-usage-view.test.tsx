import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ApiError } from '@/lib/transport/api-error';
import { monthPeriod, repoSkuRows } from '@/lib/usage/domain/org-usage';
import { summarizeUsage } from '@/lib/usage/domain/usage-report';
import { makeUsageItem } from '@/lib/test/fixtures';
import { renderView, spies } from '@/lib/test/render-for-views';
import { OrgUsageView, type OrgUsageViewProps } from './org-usage-view';

const today = new Date('2026-11-20T12:00:00Z');
const period = monthPeriod('2026-11', today);
const items = [makeUsageItem()];

function props(overrides: Partial<OrgUsageViewProps> = {}): OrgUsageViewProps {
  const summary = summarizeUsage(items, period);
  return {
    org: 'octo-org',
    months: ['2026-11', '2026-10'],
    month: '2026-11',
    period,
    loading: false,
    error: null,
    summary,
    projection: null,
    live: null,
    repositorySkuRows: repoSkuRows(summary.items),
    members: null,
    estimate: null,
    byCodespace: null,
    exact: null,
    codespacesError: null,
    ...spies('onMonthChange', 'onRetry', 'onCsvParsed'),
    ...overrides,
  };
}

describe('an organisation’s usage page, in each of its states', () => {
  it('while GitHub’s report loads, holds its place', () => {
    renderView(<OrgUsageView {...props({ loading: true, summary: null })} />);
    expect(screen.getByLabelText('Loading codespaces')).toHaveAttribute('aria-busy', 'true');
  });

  it('tells a member who is not an owner why the report is not theirs to see', () => {
    renderView(
      <OrgUsageView {...props({ summary: null, error: new ApiError({ status: 403, message: 'Must be an organization owner.' }) })} />,
    );
    expect(screen.getByRole('heading', { name: 'Only owners of octo-org can see its codespaces' })).toBeVisible();
  });

  it('says when a month has no Codespaces usage', () => {
    renderView(<OrgUsageView {...props({ summary: summarizeUsage([], period), repositorySkuRows: [] })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('No Codespaces usage in November 2026');
    expect(screen.getAllByRole('button', { name: 'Download CSV' })[0]).toBeDisabled();
  });

  it('shows the month’s cost and the report by repository and SKU', () => {
    renderView(<OrgUsageView {...props()} />);
    expect(screen.getByLabelText('Totals')).toHaveTextContent('$3.60');
    expect(screen.getByRole('table', { name: 'Cost by repository and SKU' })).toHaveTextContent('octo-org/web');
    expect(screen.getAllByRole('button', { name: 'Download CSV' })[0]).toBeEnabled();
  });
});

describe('an organisation’s projection early in the month', () => {
  it('waits for last month’s report rather than show a projection that is about to change', () => {
    renderView(<OrgUsageView {...props({ projectionPending: true })} />);
    const figure = screen.getByText('Projected for the month').parentElement!;
    expect(figure).toHaveTextContent('Waiting for last month’s report');
    expect(figure).not.toHaveTextContent('$');
  });
});
