'use client';

import { X } from 'lucide-react';
import { STATE_GROUPS, SORT_KEYS, SORT_LABELS, type FacetOption, type ListFilters } from '@/lib/codespaces/list-view';
import { TONE_LABELS } from '@/lib/codespaces/state';
import { Button } from '@/components/ui/button';
import { toolbarFieldClass } from '@/components/ui/field';
import { SearchField } from '@/components/ui/search-field';

export function ListFiltersBar({
  filters,
  onChange,
  stateOptions,
  repositoryOptions,
}: {
  filters: ListFilters;
  onChange: (next: Partial<ListFilters>) => void;
  stateOptions: FacetOption[];
  repositoryOptions: FacetOption[];
}) {
  const active = filters.q || filters.state || filters.repo;
  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter codespaces">
      <SearchField
        label="Filter by text"
        placeholder="Filter by name, repository, branch, machine…"
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <select aria-label="State" value={filters.state} onChange={(e) => onChange({ state: e.target.value })} className={toolbarFieldClass}>
        <option value="">All states</option>
        <optgroup label="Groups">
          {STATE_GROUPS.map((group) => (
            <option key={group} value={group}>
              {TONE_LABELS[group]}
            </option>
          ))}
        </optgroup>
        <optgroup label="States">
          {stateOptions.map(({ value, count }) => (
            <option key={value} value={value}>
              {value} ({count})
            </option>
          ))}
        </optgroup>
      </select>
      <select
        aria-label="Repository"
        value={filters.repo}
        onChange={(e) => onChange({ repo: e.target.value })}
        className={`${toolbarFieldClass} max-w-64`}
      >
        <option value="">All repositories</option>
        {repositoryOptions.map(({ value, count }) => (
          <option key={value} value={value}>
            {value} ({count})
          </option>
        ))}
      </select>
      <select
        aria-label="Sort by"
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.target.value as ListFilters['sort'] })}
        className={toolbarFieldClass}
      >
        {SORT_KEYS.map((key) => (
          <option key={key} value={key}>
            Sort: {SORT_LABELS[key]}
          </option>
        ))}
      </select>
      {active && (
        <Button variant="ghost" onClick={() => onChange({ q: '', state: '', repo: '' })}>
          <X aria-hidden className="size-4" /> Clear filters
        </Button>
      )}
    </div>
  );
}
