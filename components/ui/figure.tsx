/**
 * One headline figure in a `<dl>`: a label, the value, and an optional line of context. `waitingFor`
 * stands in for a value that is about to be replaced (a better source is on its way): a calm
 * placeholder that says what it waits for, never a number that is about to jump.
 */
export function Figure({ label, value, hint, waitingFor }: { label: string; value: string; hint?: string; waitingFor?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 sm:px-4 sm:py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      {waitingFor ? (
        <>
          <dd className="mt-1.5 mb-1 h-5 w-24 animate-pulse rounded bg-zinc-200 motion-reduce:animate-none sm:h-6 dark:bg-zinc-800" />
          <dd className="text-xs text-zinc-600 dark:text-zinc-400">Waiting for {waitingFor}</dd>
        </>
      ) : (
        <>
          <dd className="mt-0.5 text-[15px] leading-snug font-semibold tracking-tight tabular-nums sm:text-lg sm:tracking-normal">
            {value}
          </dd>
          {hint && <dd className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</dd>}
        </>
      )}
    </div>
  );
}
