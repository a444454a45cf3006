import { useLayoutEffect, useRef, type Ref } from 'react';
import { Icon } from '@/components/ui/icon';
import { Button } from '@/components/ui/button';
import { Options, toolbarFieldClass, type Choice } from '@/components/ui/field';
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
 * What the bar's controls (each named after its filter) hold that the filters do not: what was
 * typed or picked in the server's first paint before React hydrated it. React keeps a hydrated
 * control's value as it finds it but its state starts from the URL, so without this the list
 * ignores the text, and the next render puts the box back to the URL's.
 */
function enteredBeforeHydration(bar: HTMLElement, filters: Partial<ViewFilters>): Partial<ViewFilters> | null {
  const entered: Record<string, string> = {};
  for (const control of bar.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[name], select[name]')) {
    const key = control.name as keyof ViewFilters;
    if (key in filters && control.value !== String(filters[key] ?? '')) entered[key] = control.value;
  }
  return Object.keys(entered).length > 0 ? (entered as Partial<ViewFilters>) : null;
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
  const barRef = useRef<HTMLDivElement>(null);
  // Once, as the bar hydrates (before the browser paints again): adopt what the user already entered.
  useLayoutEffect(() => {
    const entered = barRef.current && enteredBeforeHydration(barRef.current, filters);
    if (entered) onChange(entered as Partial<F>);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on hydration only; later changes come through the controls' events
  }, []);
  // On a phone the menus go two to a line, each as wide as its half.
  const selectClass = `${toolbarFieldClass} max-sm:min-w-0 max-sm:flex-[1_1_40%]`;
  return (
    <div ref={barRef} className="flex flex-wrap items-center gap-2" role="search" aria-label={label}>
      <SearchField
        label="Filter by text"
        name="q"
        placeholder={placeholder}
        value={filters.q}
        onChange={(q) => change({ q })}
        inputRef={searchRef}
      />
      <select
        aria-label="State"
        name="state"
        value={filters.state}
        onChange={(e) => change({ state: e.target.value })}
        className={selectClass}
      >
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
        <FilterMenu
          label="Member"
          name="member"
          value={filters.member ?? ''}
          choices={[['', 'All members'], ...options.members.map((member) => [member, member] as const)]}
          onChange={(member) => change({ member })}
          className={selectClass}
        />
      )}
      <FilterMenu
        label="Repository"
        name="repo"
        value={filters.repo ?? ''}
        choices={[['', 'All repositories'], ...options.repositories.map(({ value, count }) => [value, `${value} (${count})`] as const)]}
        onChange={(repo) => change({ repo })}
        className={`${selectClass} sm:max-w-64`}
      />
      {options.cores && (
        <FilterMenu
          label="Machine"
          name="cores"
          value={filters.cores ?? ''}
          choices={[['', 'All machines'], ...options.cores.map((cores) => [String(cores), `${cores} cores`] as const)]}
          onChange={(cores) => change({ cores })}
          className={selectClass}
        />
      )}
      {options.groups && (
        <FilterMenu
          label="Group by"
          name="group"
          value={filters.group ?? ''}
          choices={GROUP_KEYS.map((group) => [group, group ? `Group: ${GROUP_LABELS[group]}` : GROUP_LABELS[group]] as const)}
          onChange={(group) => change({ group: group as ViewFilters['group'] })}
          className={selectClass}
        />
      )}
      <FilterMenu
        label="Sort by"
        name="sort"
        value={filters.sort}
        choices={options.sorts.map((key) => [key, `Sort: ${SORT_LABELS[key]}`] as const)}
        onChange={(sort) => change({ sort: sort as SortKey })}
        className={selectClass}
      />
      {hasActiveFilters(filters) && (
        <Button variant="ghost" onClick={() => onChange(clearedFilters(filters))}>
          <Icon name="x" className="size-4" /> Clear filters
        </Button>
      )}
    </div>
  );
}

/** One of the bar's menus: each choice a value and what it says. */
function FilterMenu({
  label,
  name,
  value,
  choices,
  onChange,
  className,
}: {
  label: string;
  /** The filter it sets. */
  name: keyof ViewFilters;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  className: string;
}) {
  return (
    <select aria-label={label} name={name} value={value} onChange={(event) => onChange(event.target.value)} className={className}>
      <Options choices={choices} />
    </select>
  );
}
