import type { ReactNode } from 'react';

/** A page that says something went other than planned: what, and the ways on. Calm, centred, one heading. */
export function StatusPage({
  icon,
  code,
  title,
  children,
  actions,
}: {
  icon: ReactNode;
  /** A short label above the title, e.g. "404". */
  code?: string;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}) {
  return (
    <main className="mx-auto flex w-full max-w-lg flex-col items-center gap-4 px-4 py-20 text-center">
      <div
        aria-hidden
        className="flex size-12 items-center justify-center rounded-full bg-zinc-200/70 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
      >
        {icon}
      </div>
      <div>
        {code && <p className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{code}</p>}
        <h1 className="mt-1 text-xl font-semibold tracking-tight">{title}</h1>
      </div>
      <div className="text-sm text-zinc-600 dark:text-zinc-400">{children}</div>
      <div className="mt-2 flex flex-wrap items-center justify-center gap-2">{actions}</div>
    </main>
  );
}

/** A link with the look of the primary button, for "a way back". */
export const primaryLinkClass =
  'inline-flex h-9 items-center justify-center gap-1.5 rounded-md bg-zinc-900 px-3.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white';
export const secondaryLinkClass =
  'inline-flex h-9 items-center justify-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800';
