import { useId, useMemo, useState } from 'react';
import { inputClass, Labelled } from '@/components/ui/field';
import { ErrorAlert } from '@/components/ui/error-alert';
import { parseRepositoryName } from '@/lib/repositories/domain/known';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * A searchable list of the repositories given, each option named `owner/repo`. A full
 * `owner/repo` typed in the search box becomes an option of its own (Enter chooses it), for a
 * repository no list has: GitHub lists an OAuth App's token no private one without `repo`.
 */
export function RepositoryPicker({
  repositories,
  loading,
  error,
  value,
  onChange,
}: {
  repositories: readonly { full_name: string }[] | undefined;
  loading: boolean;
  error: unknown;
  value: string | null;
  onChange: (fullName: string) => void;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const term = search.trim().toLowerCase();
  const typed = parseRepositoryName(search);
  const { options, offered } = useMemo(() => {
    const listed = repositories ?? [];
    // The chosen repository stays an option when no list has it (typed, or given in the page's address).
    const all =
      value && !listed.some((r) => same(r.full_name, value)) ? [value, ...listed.map((r) => r.full_name)] : listed.map((r) => r.full_name);
    const matching = all.filter((name) => !term || name.toLowerCase().includes(term));
    const extra = typed && !all.some((name) => same(name, typed)) ? [typed] : [];
    return { options: [...extra, ...matching], offered: all.length };
  }, [repositories, value, term, typed]);

  const hintId = `${id}-hint`;
  const nothingToOffer = !loading && offered === 0 && !term;
  return (
    <Labelled htmlFor={`${id}-search`} label="Repository">
      <input
        id={`${id}-search`}
        type="search"
        placeholder="Search, or type owner/name"
        aria-label="Search repositories"
        aria-describedby={nothingToOffer ? undefined : hintId}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses what was typed (or the only match), and never submits the form around it.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const only = options.length === 1 ? options[0] : undefined;
          const choice = (typed && options.find((name) => same(name, typed))) ?? only;
          if (choice) onChange(choice);
        }}
        autoComplete="off"
        spellCheck={false}
        className={inputClass}
      />
      {error ? (
        <ErrorAlert error={error} fallbackTitle="Could not load your repositories" />
      ) : nothingToOffer ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No repositories to offer yet: Hangar sees none of your own or your organisations’, and you have no codespaces. Type a repository
          you can use as <span className="font-mono">owner/name</span> above and press Enter.
        </p>
      ) : !loading && options.length === 0 ? (
        <p
          role="status"
          className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
        >
          No repository matches “{search.trim()}”. To use one that is not listed, type its full name as{' '}
          <span className="font-mono">owner/name</span>.
        </p>
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
          {options.map((name) => (
            <option
              key={name}
              value={name}
              className="rounded px-2 py-1 checked:bg-sky-100 checked:text-sky-950 dark:checked:bg-sky-900 dark:checked:text-sky-50"
            >
              {name}
            </option>
          ))}
          {loading && <option disabled>Loading repositories…</option>}
        </select>
      )}
      {!nothingToOffer && (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          Not listed? Type its <span className="font-mono">owner/name</span> and press Enter.
        </p>
      )}
    </Labelled>
  );
}
