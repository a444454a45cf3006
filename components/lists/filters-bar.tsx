import type { Ref } from 'react';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { toolbarFieldClass } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';
import { TONE_LABELS } from '@/lib/codespaces/domain/state';
import {
  GROUP_KEYS,
  GROUP_LABELS,
  hasActiveFilters,
  SORT_LABELS,
  STATE_GROUPS,
  type FacetOption,
  type SortKey,
  type ViewFilters,
} from '@/lib/codespaces/domain/pipeline';

/** What a list's filter menus offer; a menu shows only when its options are given. */
export interface FilterOptions {
  states: FacetOption[];
  repositories: FacetOption[];
  members?: string[];
  cores?: number[];
  sorts: readonly SortKey[];
  /** Grouping (the organisation view). */
  groups?: boolean;
}

/** The same filters with every narrowing one emptied (sort and grouping stay). */
export function clearedFilters<F extends Partial<ViewFilters>>(filters: F): Partial<F> {
  const cleared: Partial<ViewFilters> = {};
  for (const key of ['q', 'state', 'repo', 'member', 'cores'] as const) if (key in filters) cleared[key] = '';
  return cleared as Partial<F>;
}

/**
 * The filter bar of every list of codespaces: text, state (a group of states or one state), and
 * whichever of repository, member, machine, grouping and sort the list has.
 */
export function FiltersBar<F extends Partial<ViewFilters> & Pick<ViewFilters, 'q' | 'state' | 'sort'>>({
  label,
  placeholder,
  filters,
  options,
  onChange,
  searchRef,
}: {
  /** The text filter's input, for the `/` shortcut. */
  searchRef?: Ref<HTMLInputElement>;
  /** The search region's name, e.g. "Filter codespaces". */
  label: string;
  placeholder: string;
  filters: F;
  options: FilterOptions;
  onChange: (next: Partial<F>) => void;
}) {
  const change = (next: Partial<ViewFilters>) => onChange(next as Partial<F>);
  // On a phone the menus go two to a line, each as wide as its half.
  const selectClass = `${toolbarFieldClass} max-sm:min-w-0 max-sm:flex-[1_1_40%]`;
  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label={label}>
      <SearchField
        label="Filter by text"
        placeholder={placeholder}
        value={filters.q}
        onChange={(q) => change({ q })}
        inputRef={searchRef}
      />
      <select aria-label="State" value={filters.state} onChange={(e) => change({ state: e.target.value })} className={selectClass}>
        <option value="">All states</option>
        <optgroup label="Groups">
          {STATE_GROUPS.map((group) => (
            <option key={group} value={group}>
              {TONE_LABELS[group]}
            </option>
          ))}
        </optgroup>
        <optgroup label="States">
          {options.states.map(({ value, count }) => (
            <option key={value} value={value}>
              {value} ({count})
            </option>
          ))}
        </optgroup>
      </select>
      {options.members && (
        <select
          aria-label="Member"
          value={filters.member ?? ''}
          onChange={(e) => change({ member: e.target.value })}
          className={selectClass}
        >
          <option value="">All members</option>
          {options.members.map((member) => (
            <option key={member}>{member}</option>
          ))}
        </select>
      )}
      <select
        aria-label="Repository"
        value={filters.repo ?? ''}
        onChange={(e) => change({ repo: e.target.value })}
        className={`${selectClass} sm:max-w-64`}
      >
        <option value="">All repositories</option>
        {options.repositories.map(({ value, count }) => (
          <option key={value} value={value}>
            {value} ({count})
          </option>
        ))}
      </select>
      {options.cores && (
        <select
          aria-label="Machine"
          value={filters.cores ?? ''}
          onChange={(e) => change({ cores: e.target.value })}
          className={selectClass}
        >
          <option value="">All machines</option>
          {options.cores.map((cores) => (
            <option key={cores} value={String(cores)}>
              {cores} cores
            </option>
          ))}
        </select>
      )}
      {options.groups && (
        <select
          aria-label="Group by"
          value={filters.group ?? ''}
          onChange={(e) => change({ group: e.target.value as ViewFilters['group'] })}
          className={selectClass}
        >
          {GROUP_KEYS.map((group) => (
            <option key={group} value={group}>
              {group ? `Group: ${GROUP_LABELS[group]}` : GROUP_LABELS[group]}
            </option>
          ))}
        </select>
      )}
      <select
        aria-label="Sort by"
        value={filters.sort}
        onChange={(e) => change({ sort: e.target.value as SortKey })}
        className={selectClass}
      >
        {options.sorts.map((key) => (
          <option key={key} value={key}>
            Sort: {SORT_LABELS[key]}
          </option>
        ))}
      </select>
      {hasActiveFilters(filters) && (
        <Button variant="ghost" onClick={() => onChange(clearedFilters(filters))}>
          <X aria-hidden className="size-4" /> Clear filters
        </Button>
      )}
    </div>
  );
}
