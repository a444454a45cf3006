import { useMemo, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import { ErrorAlert } from '@/components/ui/error-alert';

/** A searchable list of the repositories given, each option named `owner/repo`. */
export function RepositoryPicker({
  repositories,
  loading,
  error,
  value,
  onChange,
}: {
  repositories: readonly { id: number | bigint; full_name: string }[] | undefined;
  loading: boolean;
  error: Error | null;
  value: string | null;
  onChange: (fullName: string) => void;
}) {
  const [search, setSearch] = useState('');
  const options = useMemo(() => {
    const term = search.trim().toLowerCase();
    return (repositories ?? []).filter((r) => !term || r.full_name.toLowerCase().includes(term));
  }, [repositories, search]);

  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label htmlFor="repository-search" className="font-medium">
        Repository
      </label>
      <input
        id="repository-search"
        type="search"
        placeholder="Search repositories"
        aria-label="Search repositories"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        className={inputClass}
      />
      {error ? (
        <ErrorAlert error={error} fallbackTitle="Could not load your repositories" />
      ) : (
        <select
          aria-label="Repository"
          size={6}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value)}
          aria-busy={loading}
          className="w-full rounded-md border border-zinc-300 bg-white p-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        >
          {/* Without an option for "nothing chosen", React would show the first repository as selected. */}
          <option value="" hidden disabled>
            Choose a repository
          </option>
          {loading && <option disabled>Loading repositories…</option>}
          {!loading && options.length === 0 && <option disabled>No repository matches “{search}”</option>}
          {options.map((repo) => (
            <option
              key={String(repo.id)}
              value={repo.full_name}
              className="rounded px-2 py-1 checked:bg-sky-100 checked:text-sky-950 dark:checked:bg-sky-900 dark:checked:text-sky-50"
            >
              {repo.full_name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
