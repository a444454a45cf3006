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
