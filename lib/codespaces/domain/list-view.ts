import { listView, type FiltersOf, type ListColumns, type SortKey } from '@/lib/codespaces/domain/pipeline';
import { stateTone, workAtRisk, type StateTone } from './state';
import type { CodespaceSummary } from './types';
import { locationName } from './location';

/**
 * The user's own list, in the one list pipeline (lib/lists/pipeline.ts): its filters live in the
 * URL (`?q=&state=&repo=&sort=`), so a filtered view survives a reload and can be shared.
 */

export { repositoryFacets, stateFacets } from '@/lib/codespaces/domain/pipeline';

export const LIST_SORTS = ['last_used', 'name', 'repository', 'state', 'cost'] as const satisfies readonly SortKey[];

const columns: ListColumns<CodespaceSummary, 'q' | 'state' | 'repo'> = {
  filters: ['q', 'state', 'repo'],
  sorts: LIST_SORTS,
  searched: (c) => [
    c.display_name,
    c.name,
    c.repository.full_name,
    c.git_status?.ref,
    c.machine?.display_name,
    c.machine?.name,
    c.state,
    c.location,
    // Found by what the page calls it too ("US West").
    c.location && locationName(c.location),
  ],
};

export type ListFilters = FiltersOf<'q' | 'state' | 'repo'>;

export const DEFAULT_FILTERS: ListFilters = { q: '', state: '', repo: '', sort: 'last_used' };

/** `applyListFilters`: the rows to show, every codespace matching all filters, sorted. */
export const { parse: parseListFilters, toSearch: filtersToSearch, rows: applyListFilters } = listView(columns);

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
