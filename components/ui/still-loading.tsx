import { pluralize } from '@/lib/format';

/** While the first page shows and the rest are on their way: say so, and that order and filters cover what has come. */
export function StillLoading({ arrived, total }: { arrived: number; total: number }) {
  return (
    <p role="status" className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span aria-hidden className="size-2 animate-pulse rounded-full bg-sky-500 motion-reduce:animate-none" />
      Loaded {arrived.toLocaleString('en')} of {pluralize(total, 'codespace')}; the rest are on their way. Sorting and filters apply to what
      has arrived.
    </p>
  );
}
