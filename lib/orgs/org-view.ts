import { isCodespaceState, stateTone } from '@/lib/codespaces/state';
import type { Codespace } from '@/lib/codespaces/types';

/**
 * The organisation view's filters, sort and grouping, as they live in the URL
 * (`?q=&state=&member=&repo=&cores=&group=&sort=`). Pure, so 2,000 rows filter in a few ms.
 */

export const ORG_SORT_KEYS = ['last_used', 'member', 'repository', 'state', 'machine', 'created'] as const;
export type OrgSortKey = (typeof ORG_SORT_KEYS)[number];
export const ORG_SORT_LABELS: Record<OrgSortKey, string> = {
  last_used: 'Last used',
  member: 'Member',
  repository: 'Repository',
  state: 'State',
  machine: 'Machine size',
  created: 'Created',
};
export const GROUP_KEYS = ['', 'member', 'repository', 'machine', 'state'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];
export const GROUP_LABELS: Record<GroupKey, string> = {
  '': 'No grouping',
  member: 'Member',
  repository: 'Repository',
  machine: 'Machine',
  state: 'State',
};

export interface OrgFilters {
  q: string;
  state: string;
  member: string;
  repo: string;
  /** Machine size in cores, or '' for any. */
  cores: string;
  group: GroupKey;
  sort: OrgSortKey;
}

export const DEFAULT_ORG_FILTERS: OrgFilters = { q: '', state: '', member: '', repo: '', cores: '', group: '', sort: 'last_used' };

type SearchParamsLike = { get(name: string): string | null };
const TONES = ['running', 'transitional', 'stopped', 'problem', 'gone', 'unknown'];

export function parseOrgFilters(params: SearchParamsLike): OrgFilters {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
  const state = params.get('state') ?? '';
  const cores = params.get('cores') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    state: isCodespaceState(state) || TONES.includes(state) ? state : '',
    member: (params.get('member') ?? '').slice(0, 39),
    repo: (params.get('repo') ?? '').slice(0, 200),
    cores: /^\d{1,3}$/.test(cores) ? cores : '',
    group: pick(params.get('group'), GROUP_KEYS, ''),
    sort: pick(params.get('sort'), ORG_SORT_KEYS, 'last_used'),
  };
}

export function orgFiltersToSearch(filters: OrgFilters): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'state', 'member', 'repo', 'cores', 'group'] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.sort !== 'last_used') params.set('sort', filters.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Lower-cased text each codespace is searched by, computed once per list rather than per keystroke. */
export function searchIndex(codespaces: readonly Codespace[]): Map<string, string> {
  return new Map(
    codespaces.map((c) => [
      c.name,
      [c.name, c.display_name, c.owner.login, c.repository.full_name, c.git_status.ref, c.machine?.display_name, c.state]
        .filter(Boolean)
        .join(' ')
        .toLowerCase(),
    ]),
  );
}

const STATE_ORDER = ['running', 'transitional', 'problem', 'unknown', 'stopped', 'gone'];

function compare(sort: OrgSortKey) {
  return (a: Codespace, b: Codespace): number => {
    switch (sort) {
      case 'member':
        return a.owner.login.localeCompare(b.owner.login) || b.last_used_at.localeCompare(a.last_used_at);
      case 'repository':
        return a.repository.full_name.localeCompare(b.repository.full_name) || b.last_used_at.localeCompare(a.last_used_at);
      case 'state':
        return STATE_ORDER.indexOf(stateTone(a.state)) - STATE_ORDER.indexOf(stateTone(b.state)) || a.state.localeCompare(b.state);
      case 'machine':
        return (b.machine?.cpus ?? 0) - (a.machine?.cpus ?? 0) || b.last_used_at.localeCompare(a.last_used_at);
      case 'created':
        return b.created_at.localeCompare(a.created_at);
      default:
        return b.last_used_at.localeCompare(a.last_used_at);
    }
  };
}

export function filterOrgCodespaces(codespaces: readonly Codespace[], filters: OrgFilters, index: Map<string, string>): Codespace[] {
  const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  return codespaces
    .filter((c) => {
      if (filters.state && !(isCodespaceState(filters.state) ? c.state === filters.state : stateTone(c.state) === filters.state))
        return false;
      if (filters.member && c.owner.login !== filters.member) return false;
      if (filters.repo && c.repository.full_name !== filters.repo) return false;
      if (filters.cores && String(c.machine?.cpus ?? '') !== filters.cores) return false;
      const text = index.get(c.name) ?? '';
      return terms.every((t) => text.includes(t));
    })
    .sort(compare(filters.sort));
}

export function groupLabel(codespace: Codespace, group: GroupKey): string {
  switch (group) {
    case 'member':
      return codespace.owner.login;
    case 'repository':
      return codespace.repository.full_name;
    case 'machine':
      return codespace.machine ? `${codespace.machine.cpus} cores` : 'No machine';
    case 'state':
      return codespace.state;
    default:
      return '';
  }
}

export type OrgRow = { kind: 'group'; label: string; count: number; running: number } | { kind: 'codespace'; codespace: Codespace };

/** Flat rows for a virtualised table: a header row before each group, groups in sorted order. */
export function groupRows(codespaces: readonly Codespace[], group: GroupKey): OrgRow[] {
  if (!group) return codespaces.map((codespace) => ({ kind: 'codespace', codespace }));
  const groups = new Map<string, Codespace[]>();
  for (const c of codespaces) {
    const label = groupLabel(c, group);
    const members = groups.get(label);
    if (members) members.push(c);
    else groups.set(label, [c]);
  }
  const ordered = [...groups].sort(([a, as], [b, bs]) =>
    group === 'machine' ? (bs[0]!.machine?.cpus ?? 0) - (as[0]!.machine?.cpus ?? 0) : a.localeCompare(b),
  );
  return ordered.flatMap(([label, members]) => [
    { kind: 'group' as const, label, count: members.length, running: members.filter((c) => stateTone(c.state) === 'running').length },
    ...members.map((codespace) => ({ kind: 'codespace' as const, codespace })),
  ]);
}

/** Distinct values for the filter menus. */
export function facets(codespaces: readonly Codespace[]) {
  const members = new Set<string>();
  const repos = new Set<string>();
  const cores = new Set<number>();
  for (const c of codespaces) {
    members.add(c.owner.login);
    repos.add(c.repository.full_name);
    if (c.machine) cores.add(c.machine.cpus);
  }
  return {
    members: [...members].sort(),
    repositories: [...repos].sort(),
    cores: [...cores].sort((a, b) => a - b),
  };
}
