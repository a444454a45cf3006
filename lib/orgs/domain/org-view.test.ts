import { describe, expect, it } from 'vitest';
import { makeCodespace } from '@/lib/test/fixtures';
import type { Codespace } from '@/lib/codespaces/domain/types';
import { memberFacets } from '@/lib/codespaces/domain/pipeline';
import { filterOrgCodespaces, groupRows, orgFiltersToSearch, parseOrgFilters, DEFAULT_ORG_FILTERS } from './org-view';

function member(login: string, overrides: Partial<Codespace> & { repo?: string; cpus?: number } = {}) {
  const { cpus = 4, ...rest } = overrides;
  const base = makeCodespace(rest);
  return { ...base, owner: { ...base.owner, login }, machine: { ...base.machine!, cpus } };
}

const fleet = [
  member('lisa', { display_name: 'Docs', repo: 'octo-org/docs', state: 'Available', last_used_at: '2026-11-25T10:00:00Z' }),
  member('sam', { display_name: 'API work', repo: 'octo-org/api', cpus: 16, last_used_at: '2026-11-24T10:00:00Z' }),
  member('lisa', { display_name: 'API fix', repo: 'octo-org/api', last_used_at: '2026-11-23T10:00:00Z' }),
  member('hubot', { display_name: 'Bot', repo: 'octo-org/docs', cpus: 2, state: 'Starting', last_used_at: '2026-11-22T10:00:00Z' }),
];
const view = (search: string) => filterOrgCodespaces(fleet, parseOrgFilters(new URLSearchParams(search))).map((c) => c.display_name);

describe('the organisation view’s filters, sort and groups', () => {
  it('filters by member, repository, machine size, state and text, together', () => {
    expect(view('member=lisa')).toEqual(['Docs', 'API fix']);
    expect(view('repo=octo-org/api')).toEqual(['API work', 'API fix']);
    expect(view('cores=16')).toEqual(['API work']);
    expect(view('state=transitional')).toEqual(['Bot']);
    expect(view('q=api lisa')).toEqual(['API fix']);
  });

  it('sorts by member, machine size or last use', () => {
    expect(view('sort=member')).toEqual(['Bot', 'Docs', 'API fix', 'API work']);
    expect(view('sort=machine')).toEqual(['API work', 'Docs', 'API fix', 'Bot']);
    expect(view('')).toEqual(['Docs', 'API work', 'API fix', 'Bot']);
  });

  it('groups with a header row per group that counts what runs', () => {
    const rows = groupRows(filterOrgCodespaces(fleet, { ...DEFAULT_ORG_FILTERS, sort: 'member' }), 'member');
    expect(rows.map((r) => (r.kind === 'group' ? `# ${r.label} ${r.count}/${r.running}` : r.codespace.display_name))).toEqual([
      '# hubot 1/0',
      'Bot',
      '# lisa 2/1',
      'Docs',
      'API fix',
      '# sam 1/0',
      'API work',
    ]);
    expect(groupRows(fleet, '')).toHaveLength(4);
  });

  it('keeps the view in the URL, dropping defaults and nonsense', () => {
    const filters = parseOrgFilters(new URLSearchParams('member=lisa&group=repository&sort=bogus&cores=abc&state=Nope'));
    expect(filters).toEqual({ ...DEFAULT_ORG_FILTERS, member: 'lisa', group: 'repository' });
    expect(orgFiltersToSearch(filters)).toBe('?member=lisa&group=repository');
  });

  it('offers the members, repositories and machine sizes present', () => {
    expect(memberFacets(fleet)).toEqual({
      members: ['hubot', 'lisa', 'sam'],
      repositories: ['octo-org/api', 'octo-org/docs'],
      cores: [2, 4, 16],
    });
  });
});
