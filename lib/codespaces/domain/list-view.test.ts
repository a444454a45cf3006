import { describe, expect, it } from 'vitest';
import { routeSearchParams } from '@/lib/codespaces/domain/pipeline';
import { makeCodespace } from '@/lib/test/fixtures';
import {
  applyListFilters,
  DEFAULT_FILTERS,
  filtersToSearch,
  parseListFilters,
  repositoryFacets,
  stateFacets,
  summarizeFleet,
} from './list-view';

const fleet = [
  makeCodespace({
    name: 'web-a',
    display_name: 'Checkout redesign',
    repo: 'octo-org/web',
    state: 'Available',
    last_used_at: '2026-11-24T10:00:00Z',
  }),
  makeCodespace({
    name: 'web-b',
    repo: 'octo-org/web',
    state: 'Shutdown',
    last_used_at: '2026-11-10T10:00:00Z',
    git_status: { ref: 'fix/login', ahead: 2 },
  }),
  makeCodespace({ name: 'api-a', repo: 'octo-org/api', state: 'Starting', last_used_at: '2026-11-23T10:00:00Z' }),
  makeCodespace({
    name: 'pay-a',
    display_name: 'Payments spike',
    repo: 'acme-corp/payments',
    state: 'Failed',
    last_used_at: '2026-10-01T10:00:00Z',
    git_status: { has_uncommitted_changes: true },
  }),
];
const names = (filters: Partial<typeof DEFAULT_FILTERS>) => applyListFilters(fleet, { ...DEFAULT_FILTERS, ...filters }).map((c) => c.name);

describe('the codespace list filters', () => {
  it('shows everything, most recently used first, by default', () => {
    expect(names({})).toEqual(['web-a', 'api-a', 'web-b', 'pay-a']);
  });

  it('matches text against display name, name, repository and branch; every word must match', () => {
    expect(names({ q: 'checkout' })).toEqual(['web-a']);
    expect(names({ q: 'PAYMENTS' })).toEqual(['pay-a']);
    expect(names({ q: 'fix/login' })).toEqual(['web-b']);
    expect(names({ q: 'octo-org web' })).toEqual(['web-a', 'web-b']);
    expect(names({ q: 'octo-org nothing' })).toEqual([]);
  });

  it('finds a codespace by where it runs, as GitHub writes it or as the page says it', () => {
    const located = [makeCodespace({ name: 'west', location: 'WestUs2' }), makeCodespace({ name: 'europe', location: 'WestEurope' })];
    const found = (q: string) => applyListFilters(located, { ...DEFAULT_FILTERS, q }).map((c) => c.name);
    expect(found('us west')).toEqual(['west']);
    expect(found('WestUs2')).toEqual(['west']);
    expect(found('europe west')).toEqual(['europe']);
  });

  it('filters by one GitHub state or by a group of states', () => {
    expect(names({ state: 'Shutdown' })).toEqual(['web-b']);
    expect(names({ state: 'running' })).toEqual(['web-a']);
    expect(names({ state: 'transitional' })).toEqual(['api-a']);
    expect(names({ state: 'problem' })).toEqual(['pay-a']);
  });

  it('filters by repository, combined with the other filters', () => {
    expect(names({ repo: 'octo-org/web' })).toEqual(['web-a', 'web-b']);
    expect(names({ repo: 'octo-org/web', state: 'stopped' })).toEqual(['web-b']);
  });

  it('sorts by name, repository or state', () => {
    expect(names({ sort: 'name' })).toEqual(['api-a', 'web-a', 'pay-a', 'web-b']);
    expect(names({ sort: 'repository' })).toEqual(['pay-a', 'api-a', 'web-a', 'web-b']);
    expect(names({ sort: 'state' })).toEqual(['web-a', 'api-a', 'web-b', 'pay-a']);
  });
});

describe('filters in the URL', () => {
  it('round-trips through the query string, leaving defaults out', () => {
    const filters = { q: 'web', state: 'Available', repo: 'octo-org/web', sort: 'name' as const };
    const search = filtersToSearch(filters);
    expect(search).toBe('?q=web&state=Available&repo=octo-org%2Fweb&sort=name');
    expect(parseListFilters(new URLSearchParams(search))).toEqual(filters);
    expect(filtersToSearch(DEFAULT_FILTERS)).toBe('');
  });

  it('ignores values that mean nothing instead of failing', () => {
    expect(parseListFilters(new URLSearchParams('state=Exploded&sort=random'))).toEqual(DEFAULT_FILTERS);
  });

  it('reads a server page’s searchParams as the browser reads its address: a name given twice counts once', () => {
    const query = { q: ['web', 'api'], state: 'Available', sort: undefined };
    expect(parseListFilters(routeSearchParams(query))).toEqual(parseListFilters(new URLSearchParams('q=web&q=api&state=Available')));
    expect(parseListFilters(routeSearchParams(query))).toEqual({ ...DEFAULT_FILTERS, q: 'web', state: 'Available' });
  });
});

describe('facets and summary', () => {
  it('lists repositories by number of codespaces, and states in reading order', () => {
    expect(repositoryFacets(fleet)).toEqual([
      { value: 'octo-org/web', count: 2 },
      { value: 'acme-corp/payments', count: 1 },
      { value: 'octo-org/api', count: 1 },
    ]);
    expect(stateFacets(fleet).map((f) => f.value)).toEqual(['Available', 'Starting', 'Shutdown', 'Failed']);
  });

  it('counts what runs, what changes, the cores billing now and the work at risk', () => {
    expect(summarizeFleet(fleet)).toEqual({
      total: 4,
      byTone: { running: 1, transitional: 1, stopped: 1, problem: 1, gone: 0, unknown: 0 },
      atRisk: 2,
      runningCores: 4,
    });
  });
});

describe('a list with a state GitHub added after Hangar was written', () => {
  const grown = [...fleet, makeCodespace({ name: 'new-a', state: 'Hibernating' as never, git_status: {} })];

  it('counts it apart, lists its state last as written, and filters on it as a group', () => {
    expect(summarizeFleet(grown).byTone).toMatchObject({ unknown: 1, problem: 1 });
    expect(stateFacets(grown).map((f) => f.value)).toEqual(['Available', 'Starting', 'Shutdown', 'Failed', 'Hibernating']);
    expect(parseListFilters(new URLSearchParams('state=unknown')).state).toBe('unknown');
    expect(applyListFilters(grown, { ...DEFAULT_FILTERS, state: 'unknown' }).map((c) => c.name)).toEqual(['new-a']);
    expect(applyListFilters(grown, { ...DEFAULT_FILTERS, sort: 'state' }).map((c) => c.name)).toContain('new-a');
  });
});
