import { CODESPACE_STATES, codespaceTitle, isCodespaceState, stateTone, type StateTone } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';

/**
 * One pipeline for every list of codespaces (the user's, an organisation's): the filters as they
 * live in the URL, text search, state groups, sorting with one collator, facets for the filter
 * menus, and groups. Each list says which filters, sorts and searched fields it has (its columns);
 * the rules are the same everywhere. Pure, so thousands of rows filter in a few milliseconds.
 */

export type SortKey = 'last_used' | 'name' | 'repository' | 'state' | 'member' | 'machine' | 'created' | 'cost';
export const SORT_LABELS: Record<SortKey, string> = {
  last_used: 'Last used',
  name: 'Name',
  repository: 'Repository',
  state: 'State',
  member: 'Member',
  machine: 'Machine size',
  created: 'Created',
  cost: 'Cost this month',
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

/** A state filter is one GitHub state (`Available`) or a tone covering several (`running`). */
export const STATE_GROUPS = ['running', 'transitional', 'stopped', 'problem', 'gone', 'unknown'] as const satisfies readonly StateTone[];

/** Every filter a list may have, as it is written in the URL. */
export interface ViewFilters {
  q: string;
  state: string;
  repo: string;
  member: string;
  /** Machine size in cores, or '' for any. */
  cores: string;
  group: GroupKey;
  sort: SortKey;
}

export const NO_FILTERS: ViewFilters = { q: '', state: '', repo: '', member: '', cores: '', group: '', sort: 'last_used' };

export type FilterKey = Exclude<keyof ViewFilters, 'sort'>;
/** The filters of a list that has the filter keys `K`. */
export type FiltersOf<K extends FilterKey> = Pick<ViewFilters, K | 'sort'>;

/** What one list has: the filters it keeps in the URL (in this order), its sorts, and the fields text search reads. */
export interface ListColumns<T extends CodespaceSummary, K extends FilterKey> {
  filters: readonly K[];
  sorts: readonly SortKey[];
  searched: (codespace: T) => readonly (string | null | undefined)[];
}

/** What filters are read from: `URLSearchParams`, or a route's `searchParams` through `routeSearchParams`. */
export type SearchParamsLike = { get(name: string): string | null };

/** A server page's `searchParams` (a name may come more than once) read as the browser's URL would be: first value. */
export function routeSearchParams(query: Record<string, string | string[] | undefined>): SearchParamsLike {
  return {
    get: (name) => {
      const value = query[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}

const pick = <V extends string>(value: string | null, allowed: readonly V[], fallback: V): V =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as V) : fallback;

/** Each filter as read from the URL: values that mean nothing are dropped rather than failing. */
const READERS: Record<FilterKey, (value: string) => string> = {
  q: (value) => value.slice(0, 200),
  state: (value) => (isCodespaceState(value) || (STATE_GROUPS as readonly string[]).includes(value) ? value : ''),
  repo: (value) => value.slice(0, 200),
  member: (value) => value.slice(0, 39),
  cores: (value) => (/^\d{1,3}$/.test(value) ? value : ''),
  group: (value) => pick(value, GROUP_KEYS, ''),
};

/** Reads a list's filters from the URL. */
function parseView<T extends CodespaceSummary, K extends FilterKey>(columns: ListColumns<T, K>, params: SearchParamsLike): FiltersOf<K> {
  const filters: Record<string, string> = {};
  for (const key of columns.filters) filters[key] = READERS[key](params.get(key) ?? '');
  return { ...filters, sort: pick(params.get('sort'), columns.sorts, 'last_used') } as FiltersOf<K>;
}

/** The query string for a list's filters, leaving defaults out so URLs stay short. */
function viewToSearch<T extends CodespaceSummary, K extends FilterKey>(columns: ListColumns<T, K>, filters: FiltersOf<K>): string {
  const params = new URLSearchParams();
  for (const key of columns.filters) {
    const value = (filters as Partial<ViewFilters>)[key];
    if (value) params.set(key, value);
  }
  if (filters.sort !== 'last_used') params.set('sort', filters.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasActiveFilters(filters: Partial<ViewFilters>): boolean {
  return Boolean(filters.q || filters.state || filters.repo || filters.member || filters.cores);
}

function matchesState(codespace: Pick<CodespaceSummary, 'state'>, state: string): boolean {
  if (!state) return true;
  return isCodespaceState(state) ? codespace.state === state : stateTone(codespace.state) === state;
}

// One collator for every comparison: `localeCompare` with options builds one per call, which is
// most of the cost of sorting thousands of rows.
const textCollator = new Intl.Collator('en', { sensitivity: 'base' });
const nameCollator = new Intl.Collator();
const byText = (a: string, b: string) => textCollator.compare(a, b);

/** Parsed once per codespace object, not once per comparison. */
const timeCache = new WeakMap<object, { lastUsed: number; created: number }>();
function times(c: CodespaceSummary) {
  let cached = timeCache.get(c);
  if (!cached) {
    cached = { lastUsed: Date.parse(c.last_used_at) || 0, created: Date.parse(c.created_at) || 0 };
    timeCache.set(c, cached);
  }
  return cached;
}

const stateOrder = new Map<string, number>(CODESPACE_STATES.map((s, i) => [s, i]));
const recentFirst = (a: CodespaceSummary, b: CodespaceSummary) => times(b).lastUsed - times(a).lastUsed;

/** What a sort may read besides the codespaces: each one's month-to-date cost (USD), computed once per data change. */
interface SortContext {
  costs?: ReadonlyMap<string, { total: number }>;
}

const COMPARATORS: Record<SortKey, (a: CodespaceSummary, b: CodespaceSummary, context: SortContext) => number> = {
  last_used: recentFirst,
  name: (a, b) => byText(codespaceTitle(a), codespaceTitle(b)),
  repository: (a, b) => byText(a.repository.full_name, b.repository.full_name) || recentFirst(a, b),
  state: (a, b) => (stateOrder.get(a.state) ?? 99) - (stateOrder.get(b.state) ?? 99) || recentFirst(a, b),
  member: (a, b) => byText(a.owner.login, b.owner.login) || recentFirst(a, b),
  machine: (a, b) => (b.machine?.cpus ?? 0) - (a.machine?.cpus ?? 0) || recentFirst(a, b),
  created: (a, b) => times(b).created - times(a).created,
  // Most expensive first; a codespace without a figure (gone) last.
  cost: (a, b, { costs }) => (costs?.get(b.name)?.total ?? -1) - (costs?.get(a.name)?.total ?? -1) || recentFirst(a, b),
};

/**
 * A list's rows: every codespace matching all filters (every word of `q` must match one of the
 * searched fields), sorted. The searched text is lower-cased once per codespace object.
 */
function createListView<T extends CodespaceSummary, K extends FilterKey>(columns: ListColumns<T, K>) {
  const searchText = new WeakMap<T, string>();
  const textOf = (c: T) => {
    let text = searchText.get(c);
    if (text === undefined) {
      text = columns.searched(c).filter(Boolean).join('\n').toLowerCase();
      searchText.set(c, text);
    }
    return text;
  };
  return function apply(codespaces: readonly T[], view: FiltersOf<K>, context: SortContext = {}): T[] {
    const filters: ViewFilters = { ...NO_FILTERS, ...view };
    const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
    const repo = filters.repo.toLowerCase();
    const compare = COMPARATORS[filters.sort];
    return codespaces
      .filter(
        (c) =>
          matchesState(c, filters.state) &&
          (!repo || c.repository.full_name.toLowerCase() === repo) &&
          (!filters.member || c.owner.login === filters.member) &&
          (!filters.cores || String(c.machine?.cpus ?? '') === filters.cores) &&
          terms.every((term) => textOf(c).includes(term)),
      )
      .sort((a, b) => compare(a, b, context) || nameCollator.compare(a.name, b.name));
  };
}

/**
 * A list's view, from its columns: `parse` reads its filters from the URL, `toSearch` writes them
 * back (defaults left out), `rows` filters and sorts.
 */
export function listView<T extends CodespaceSummary, K extends FilterKey>(columns: ListColumns<T, K>) {
  return {
    parse: (params: SearchParamsLike): FiltersOf<K> => parseView(columns, params),
    toSearch: (filters: FiltersOf<K>): string => viewToSearch(columns, filters),
    rows: createListView(columns),
  };
}

// ---------- what the filter menus offer ----------

export interface FacetOption {
  value: string;
  count: number;
}

/** Repositories present in the list, most codespaces first. */
export function repositoryFacets(codespaces: readonly CodespaceSummary[]): FacetOption[] {
  const counts = new Map<string, number>();
  for (const c of codespaces) counts.set(c.repository.full_name, (counts.get(c.repository.full_name) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || byText(a.value, b.value));
}

/** States present in the list, in reading order; states GitHub added after Hangar was written come last. */
export function stateFacets(codespaces: readonly CodespaceSummary[]): FacetOption[] {
  const counts = new Map<string, number>();
  for (const c of codespaces) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (stateOrder.get(a.value) ?? 99) - (stateOrder.get(b.value) ?? 99) || byText(a.value, b.value));
}

/** Members, repositories (by name) and machine sizes present, for an organisation's filter menus. */
export function memberFacets(codespaces: readonly CodespaceSummary[]) {
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

// ---------- groups ----------

function groupLabel(codespace: CodespaceSummary, group: GroupKey): string {
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

export type GroupedRow<T> = { kind: 'group'; label: string; count: number; running: number } | { kind: 'codespace'; codespace: T };

/** Flat rows for a virtualised table: a header row before each group, groups in sorted order. */
export function groupRows<T extends CodespaceSummary>(codespaces: readonly T[], group: GroupKey): GroupedRow<T>[] {
  if (!group) return codespaces.map((codespace) => ({ kind: 'codespace', codespace }));
  const groups = new Map<string, T[]>();
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
