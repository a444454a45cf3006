import type { ComponentProps } from 'react';
import { ChevronDown } from 'lucide-react';

/** The organisations menu's trigger. */
export function OrgMenuButton(props: ComponentProps<'button'>) {
  return (
    <button
      type="button"
      aria-haspopup="menu"
      className="flex items-center gap-1 rounded-md px-2.5 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      {...props}
    >
      Organizations <ChevronDown aria-hidden className="size-3.5 opacity-60" />
    </button>
  );
}
