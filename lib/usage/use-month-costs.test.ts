// @vitest-environment jsdom
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { makeCodespace } from '@/lib/test/fixtures';
import { summarizeCodespace } from '@/lib/codespaces/domain/summary';
import { accountMonthCosts, billingMonthOf } from './domain/month-cost';
import { getMyBillingUsageQuery } from './queries';
import { useMyMonthCosts } from './use-month-costs';

const fleet = [makeCodespace({ name: 'running', state: 'Available' }), makeCodespace({ name: 'stopped', state: 'Shutdown' })].map(
  summarizeCodespace,
);

describe('my codespaces’ cost this month on the list', () => {
  it('is said to be pending until its rules are in, then is the rules’ figures', async () => {
    const queryClient = new QueryClient();
    const { year, month } = billingMonthOf(Date.now());
    // GitHub's report already in (with no lines).
    queryClient.setQueryData(getMyBillingUsageQuery('mona', year, month).queryKey, []);
    const wrapper = ({ children }: { children: ReactNode }) => createElement(QueryClientProvider, { client: queryClient }, children);
    const { result } = renderHook(() => useMyMonthCosts(fleet, 'mona'), { wrapper });
    // The first paint: no figure yet, and none shown as if it were final.
    expect(result.current.reportPending).toBe(true);
    expect(result.current.costs.size).toBe(0);
    await waitFor(() => expect(result.current.reportPending).toBe(false));
    const expected = accountMonthCosts(fleet, 'mona', [], Date.now());
    expect([...result.current.costs.keys()]).toEqual([...expected.keys()]);
    expect(result.current.costs.get('running')?.basis).toBe(expected.get('running')?.basis);
  });
});
