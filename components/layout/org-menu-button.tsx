import type { ComponentProps } from 'react';
import { Icon } from '@/components/ui/icon';

/** The organisations menu's trigger (`current` on an organisation's pages). */
export function OrgMenuButton({ current = false, ...props }: ComponentProps<'button'> & { current?: boolean }) {
  return (
    <button
      type="button"
      aria-haspopup="menu"
      data-current={current || undefined}
      className="flex items-center gap-1 rounded-md px-3 py-2.5 text-left text-base text-zinc-700 hover:bg-zinc-100 data-current:font-medium data-current:text-zinc-950 md:px-2.5 md:py-1.5 md:text-sm dark:text-zinc-300 dark:hover:bg-zinc-800 dark:data-current:text-white md:data-current:bg-zinc-100 dark:md:data-current:bg-zinc-800"
      {...props}
    >
      Organizations <Icon name="chevron-down" className="size-3.5 opacity-60" />
    </button>
  );
}
