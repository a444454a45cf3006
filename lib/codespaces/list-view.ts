import { CODESPACE_STATES, codespaceTitle, isCodespaceState, stateTone, workAtRisk, type StateTone } from './state';
import type { CodespaceSummary } from './types';

/**
 * The list's filters and sort, as they live in the URL (`?q=&state=&repo=&sort=`),
 * so a filtered view survives a reload and can be shared.
 */
export const SORT_KEYS = ['last_used', 'name', 'repository', 'state'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  last_used: 'Last used',
  name: 'Name',
  repository: 'Repository',
  state: 'State',
};

/** A state filter is one GitHub state (`Available`) or a tone covering several (`running`). */
export const STATE_GROUPS = ['running', 'transitional', 'stopped', 'problem', 'gone', 'unknown'] as const satisfies readonly StateTone[];

export interface ListFilters {
  q: string;
  state: string;
  repo: string;
  sort: SortKey;
}

export const DEFAULT_FILTERS: ListFilters = { q: '', state: '', repo: '', sort: 'last_used' };

type SearchParamsLike = { get(name: string): string | null };

/** Reads filters from the URL, dropping values that mean nothing rather than failing. */
export function parseListFilters(params: SearchParamsLike): ListFilters {
  const state = params.get('state') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    state: isCodespaceState(state) || (STATE_GROUPS as readonly string[]).includes(state) ? state : '',
    repo: (params.get('repo') ?? '').slice(0, 200),
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'last_used',
  };
}

/** The query string for a set of filters, leaving defaults out so URLs stay short. */
export function filtersToSearch(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.state) params.set('state', filters.state);
  if (filters.repo) params.set('repo', filters.repo);
  if (filters.sort !== 'last_used') params.set('sort', filters.sort);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return Boolean(filters.q || filters.state || filters.repo);
}

function matchesState(codespace: CodespaceSummary, state: string): boolean {
  if (!state) return true;
  return isCodespaceState(state) ? codespace.state === state : stateTone(codespace.state) === state;
}

/** Lower-cased text a query is matched against, computed once per codespace object. */
const searchTextCache = new WeakMap<CodespaceSummary, string>();
function searchText(codespace: CodespaceSummary): string {
  let text = searchTextCache.get(codespace);
  if (text === undefined) {
    text = [
      codespace.display_name,
      codespace.name,
      codespace.repository.full_name,
      codespace.git_status.ref,
      codespace.machine?.display_name,
      codespace.machine?.name,
      codespace.state,
      codespace.location,
    ]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    searchTextCache.set(codespace, text);
  }
  return text;
}

const stateOrder = new Map<string, number>(CODESPACE_STATES.map((s, i) => [s, i]));
// One collator for every comparison: `localeCompare` with options builds one per call, which is
// most of the cost of sorting thousands of rows.
const textCollator = new Intl.Collator('en', { sensitivity: 'base' });
const nameCollator = new Intl.Collator();
const byText = (a: string, b: string) => textCollator.compare(a, b);
/** Parsed once per codespace object, not once per comparison. */
const lastUsedCache = new WeakMap<CodespaceSummary, number>();
function lastUsed(c: CodespaceSummary): number {
  let time = lastUsedCache.get(c);
  if (time === undefined) {
    time = Date.parse(c.last_used_at) || 0;
    lastUsedCache.set(c, time);
  }
  return time;
}

const COMPARATORS: Record<SortKey, (a: CodespaceSummary, b: CodespaceSummary) => number> = {
  last_used: (a, b) => lastUsed(b) - lastUsed(a),
  name: (a, b) => byText(codespaceTitle(a), codespaceTitle(b)),
  repository: (a, b) => byText(a.repository.full_name, b.repository.full_name) || lastUsed(b) - lastUsed(a),
  state: (a, b) => (stateOrder.get(a.state) ?? 99) - (stateOrder.get(b.state) ?? 99) || lastUsed(b) - lastUsed(a),
};

/** The rows to show: every codespace matching all filters (terms of `q` must all match), sorted. */
export function applyListFilters(codespaces: readonly CodespaceSummary[], filters: ListFilters): CodespaceSummary[] {
  const terms = filters.q.toLowerCase().split(/\s+/).filter(Boolean);
  const repo = filters.repo.toLowerCase();
  return codespaces
    .filter(
      (c) =>
        matchesState(c, filters.state) &&
        (!repo || c.repository.full_name.toLowerCase() === repo) &&
        terms.every((term) => searchText(c).includes(term)),
    )
    .sort((a, b) => COMPARATORS[filters.sort](a, b) || nameCollator.compare(a.name, b.name));
}

export interface FacetOption {
  value: string;
  count: number;
}

/** Repositories present in the list, most codespaces first, for the repository filter. */
export function repositoryFacets(codespaces: readonly CodespaceSummary[]): FacetOption[] {
  const counts = new Map<string, number>();
  for (const c of codespaces) counts.set(c.repository.full_name, (counts.get(c.repository.full_name) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || byText(a.value, b.value));
}

/** States present in the list, in reading order, for the state filter. */
export function stateFacets(codespaces: readonly CodespaceSummary[]): FacetOption[] {
  const counts = new Map<string, number>();
  for (const c of codespaces) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  // States Hangar does not know come last, as GitHub wrote them.
  const unknown = [...counts.keys()].filter((s) => !isCodespaceState(s)).sort(byText);
  return [...CODESPACE_STATES.filter((s) => counts.has(s)), ...unknown].map((value) => ({ value, count: counts.get(value)! }));
}

export interface FleetSummary {
  total: number;
  byTone: Record<StateTone, number>;
  /** Codespaces holding unpushed or uncommitted work. */
  atRisk: number;
  /** Cores running right now: what bills by the hour. */
  runningCores: number;
}

export function summarizeFleet(codespaces: readonly CodespaceSummary[]): FleetSummary {
  const byTone: Record<StateTone, number> = { running: 0, transitional: 0, stopped: 0, problem: 0, gone: 0, unknown: 0 };
  let atRisk = 0;
  let runningCores = 0;
  for (const c of codespaces) {
    const tone = stateTone(c.state);
    byTone[tone]++;
    if (tone === 'running') runningCores += c.machine?.cpus ?? 0;
    if (workAtRisk(c).atRisk) atRisk++;
  }
  return { total: codespaces.length, byTone, atRisk, runningCores };
}

/**
 * Each codespace once, first sighting kept: pages of a list read while it changes (one created
 * between two pages) can hold the same codespace twice, and the list keys rows by name.
 */
export function uniqueCodespaces<T extends { name: string }>(codespaces: readonly T[]): T[] {
  const seen = new Set<string>();
  return codespaces.filter((c) => !seen.has(c.name) && (seen.add(c.name), true));
}
