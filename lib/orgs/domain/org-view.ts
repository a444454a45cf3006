import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { listView, NO_FILTERS, type FiltersOf, type ListColumns, type SortKey } from '@/lib/codespaces/domain/pipeline';

/**
 * An organisation's view, in the one list pipeline (lib/lists/pipeline.ts): filters, sort and
 * grouping live in the URL (`?q=&state=&member=&repo=&cores=&group=&sort=`).
 */

export { groupRows, type GroupedRow as OrgRow } from '@/lib/codespaces/domain/pipeline';

export const ORG_SORT_KEYS = ['last_used', 'member', 'repository', 'state', 'machine', 'created'] as const satisfies readonly SortKey[];

type OrgFilterKey = 'q' | 'state' | 'member' | 'repo' | 'cores' | 'group';
export type OrgFilters = FiltersOf<OrgFilterKey>;

const columns: ListColumns<CodespaceSummary, OrgFilterKey> = {
  filters: ['q', 'state', 'member', 'repo', 'cores', 'group'],
  sorts: ORG_SORT_KEYS,
  searched: (c) => [c.name, c.display_name, c.owner.login, c.repository.full_name, c.git_status?.ref, c.machine?.display_name, c.state],
};

export const DEFAULT_ORG_FILTERS: OrgFilters = NO_FILTERS;

const orgView = listView(columns);
export const { parse: parseOrgFilters, toSearch: orgFiltersToSearch } = orgView;

/** The rows to show: every codespace matching all filters, sorted (group them with `groupRows`). */
export function filterOrgCodespaces<T extends CodespaceSummary>(codespaces: readonly T[], filters: OrgFilters): T[] {
  return orgView.rows(codespaces, filters) as T[];
}
