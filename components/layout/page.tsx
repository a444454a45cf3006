import type { ReactNode } from 'react';

/**
 * The one horizontal frame of the app: the header, banners and every page line up on the same
 * edges at every width.
 */
export const frameClass = 'mx-auto w-full max-w-7xl px-4 sm:px-6';

/** Where the skip link goes: every page's `<main>`. */
export const MAIN_ID = 'main';

/**
 * The two widths a page can be: `wide` for what holds data (lists, a codespace, usage,
 * secrets, settings), on the header's own edges; `narrow` for a form or a message, centred at a
 * comfortable reading width.
 */
const WIDTHS = { wide: 'max-w-7xl', narrow: 'max-w-3xl' } as const;

/** Space between a page's blocks. */
const GAPS = { compact: 'gap-4', roomy: 'gap-6' } as const;

/**
 * A page's `<main>`: its width, its margins and the gap between its blocks, the same on every
 * page, and the target of the skip link (focusable by script, not by Tab).
 */
export function Page({
  width = 'wide',
  gap = 'compact',
  className = '',
  children,
}: {
  width?: keyof typeof WIDTHS;
  gap?: keyof typeof GAPS;
  /** Extra classes, e.g. a status page's centred text. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <main
      id={MAIN_ID}
      tabIndex={-1}
      className={`mx-auto flex w-full min-w-0 ${WIDTHS[width]} flex-col ${GAPS[gap]} scroll-mt-16 px-4 py-6 outline-none sm:px-6 ${className}`}
    >
      {children}
    </main>
  );
}

/**
 * A page's heading: what kind of page it is (a small line above), its title and a line about it,
 * and its actions to the right (under it when there is no room).
 */
export function PageHeader({
  eyebrow,
  title,
  description,
  actions,
}: {
  eyebrow: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  actions: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{eyebrow}</p>
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
