/** One headline figure in a `<dl>`: a label, the value, and an optional line of context. */
export function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 sm:px-4 sm:py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-[15px] leading-snug font-semibold tracking-tight tabular-nums sm:text-lg sm:tracking-normal">{value}</dd>
      {hint && <dd className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</dd>}
    </div>
  );
}
